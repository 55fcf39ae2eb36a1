package org.galvani.opcua;

/**
 * What the method handlers need from the gateway's configuration.
 *
 * @param rampMillis            the ramp duration of treatments armed over OPC UA (the kernel checks it
 *                              against the profile's minimum)
 * @param decisionTimeoutMillis how long a call waits for the kernel's decision
 * @param audit                 where every call is recorded
 * @param gate                  where a call that passed the gateway's checks becomes a kernel request
 */
record GatewaySettings(int rampMillis, long decisionTimeoutMillis, CallAuditSink audit, RequestGate gate) {
}
