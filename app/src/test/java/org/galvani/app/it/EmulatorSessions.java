package org.galvani.app.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code galvani emulator} child process has reported about its host sessions: how many hosts
 * connected, and the true charge (µA·µs) at each disconnect, after the board cut its output.
 */
record EmulatorSessions(int connected, List<Long> chargeAtDisconnect) {

    private static final Pattern CONNECTED = Pattern.compile("(?m)^emulator: host (\\d+) connected from ");
    private static final Pattern DISCONNECTED = Pattern.compile(
            "(?m)^emulator: host (\\d+) disconnected; true charge so far: (\\d+) uA\\*us \\((\\d+) uA\\*ms\\)$");

    static EmulatorSessions parse(String out) {
        int connected = 0;
        Matcher c = CONNECTED.matcher(out);
        while (c.find()) {
            connected = Math.max(connected, Integer.parseInt(c.group(1)));
        }
        List<Long> charges = new ArrayList<>();
        Matcher d = DISCONNECTED.matcher(out);
        while (d.find()) {
            charges.add(Long.parseLong(d.group(2)));
        }
        return new EmulatorSessions(connected, charges);
    }

    /** Whether every host that connected has disconnected (so nothing is driven now). */
    boolean allEnded() {
        return chargeAtDisconnect.size() == connected;
    }

    /** The true charge when the last host left (µA·µs), 0 before any. */
    long chargeNow() {
        return chargeAtDisconnect.isEmpty() ? 0L : chargeAtDisconnect.get(chargeAtDisconnect.size() - 1);
    }
}
