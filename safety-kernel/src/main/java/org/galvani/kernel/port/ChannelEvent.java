package org.galvani.kernel.port;

import org.galvani.kernel.KernelEvent;

/**
 * A kernel event as the runtime records it: which channel, the event, and who made the request it
 * answers ({@code origin}: a user or component name; "kernel" for the kernel's own decisions).
 */
public record ChannelEvent(String channelId, KernelEvent event, String origin) {
}
