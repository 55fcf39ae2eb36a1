package org.galvani.opcua;

/**
 * A device's identification after OPC 10000-100 (Devices, DI), shown on its object.
 *
 * @param manufacturer     who made the device
 * @param model            the model name
 * @param serialNumber     the unit's serial number
 * @param softwareRevision the software revision running on it
 */
public record DeviceIdentity(String manufacturer, String model, String serialNumber, String softwareRevision) {

    public DeviceIdentity {
        manufacturer = orUnknown(manufacturer);
        model = orUnknown(model);
        serialNumber = orUnknown(serialNumber);
        softwareRevision = orUnknown(softwareRevision);
    }

    /** The identification of a channel nobody described: Galvani, the channel as serial number. */
    public static DeviceIdentity unnamed(String channelId) {
        String version = DeviceIdentity.class.getPackage().getImplementationVersion();
        return new DeviceIdentity("Galvani", "Galvani channel", channelId, version == null ? "development" : version);
    }

    private static String orUnknown(String text) {
        return text == null || text.isBlank() ? "unknown" : text;
    }
}
