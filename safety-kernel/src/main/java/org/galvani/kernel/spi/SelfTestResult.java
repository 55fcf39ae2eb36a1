package org.galvani.kernel.spi;

/**
 * The outcome of a driver self-test.
 *
 * @param passed whether every check passed
 * @param detail what was checked, or what failed
 */
public record SelfTestResult(boolean passed, String detail) {

    public static SelfTestResult passed(String detail) {
        return new SelfTestResult(true, detail);
    }

    public static SelfTestResult failed(String detail) {
        return new SelfTestResult(false, detail);
    }
}
