package org.galvani.kernel.spi;

import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Implements;

/**
 * The driver SPI: what an output stage must provide so that a safety kernel can drive it. A device team
 * writes one implementation for its own hardware; nothing else in Galvani talks to the hardware.
 *
 * <h2>Threads and timing</h2>
 * The control runtime calls {@link #sample}, then (after the kernel's tick) {@link #apply}, once per
 * control period on its control-loop thread; neither call may block longer than a fraction of the
 * period. {@link #safeDisable()} may be called from any thread at any time, also concurrently with the
 * loop, and must then disable the output within one period. {@link #open()} and {@link #close()} are
 * called only while the loop is not running this driver. {@link #selfTest()} is called when the runtime
 * is built, and then on the control-loop thread between two ticks: before each ARM request reaches the
 * kernel, and every self-test interval of the runtime (also during a treatment).
 *
 * <h2>Safety obligations</h2>
 * <ul>
 *   <li>Apply exactly the commanded setpoint, polarity and enable state; never raise current on the
 *       driver's own initiative. Changing polarity while enabled is a driver error.</li>
 *   <li>Report what is measured, not what was commanded; report current and voltage as magnitudes.</li>
 *   <li>Stamp each reading with its sampling time on the runtime's clock ({@code nowMicros} of the call
 *       that sampled it). A reading that is not fresh keeps its old time: the kernel's watchdog then
 *       notices. Never re-stamp an old value.</li>
 *   <li>Set {@link org.galvani.kernel.StatusFlags} fault bits for every fault the stage detects, and
 *       {@link org.galvani.kernel.StatusFlags#OUTPUT_SAFE} only when the output is really disabled.</li>
 *   <li>Be fail-safe: when the host stops commanding (crash, hang), the stage must disable its output by
 *       itself (a firmware watchdog), independently of this code.</li>
 *   <li>Do not throw from {@code sample}/{@code apply} in normal operation; if they do throw, the runtime
 *       disables the output and latches a fault.</li>
 * </ul>
 */
@Implements("SRS-KRN-028")
public interface OutputStageDriver extends AutoCloseable {

    /** What the stage can do. Must not change after {@link #open()}. */
    DriverCapabilities capabilities();

    /** Connects to the stage and leaves its output disabled. */
    void open() throws DriverException;

    /** Fills {@code into} with the latest reading at (or before) {@code nowMicros}. */
    void sample(long nowMicros, Measurement into);

    /** Applies the kernel's command until the next call. */
    void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity);

    /** Disables the output at once. Idempotent, never throws, callable from any thread. */
    void safeDisable();

    /**
     * Checks the stage's own measurement and disable paths (for example a reference reading, a relay
     * read-back, the firmware's own checks) without changing the output, and returns within one control
     * period: a stage whose full test takes longer runs it in the background and reports its latest
     * result. A failure before a treatment refuses the ARM (SELF_TEST_FAILED); a failure during one
     * latches a kernel fault. An undetected latent fault is not a single-fault condition.
     */
    SelfTestResult selfTest();

    /** Disables the output and releases the stage. Never throws. */
    @Override
    void close();
}
