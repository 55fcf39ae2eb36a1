package org.galvani.drivers.sim;

import org.galvani.trace.Implements;

/**
 * The patient and electrode load seen by the output stage: a fixed series resistance (electrodes, gel,
 * leads) plus a skin resistance that falls as current flows (the skin hydrates and its pores open under
 * iontophoresis), exponentially from its initial to its final value with a time constant counted in
 * time with current flowing. These are the circuit's resistances; the skin's capacitance and the
 * circuit's state are {@link SkinCircuit}'s.
 *
 * <p>Deterministic: the same inputs always give the same resistance. Not thread-safe.
 */
@Implements("SRS-DRV-002")
public final class ElectrodeLoad {

    private final int seriesOhms;
    private final int initialSkinOhms;
    private final int finalSkinOhms;
    private final long fallTimeConstantMicros;
    private long energizedMicros;

    /**
     * @param seriesOhms             electrode, gel and lead resistance (Ω)
     * @param initialSkinOhms        skin resistance before any current (Ω)
     * @param finalSkinOhms          skin resistance after a long treatment (Ω), at most the initial
     * @param fallTimeConstantMicros time with current for the skin resistance to fall by 63 % (µs)
     */
    public ElectrodeLoad(int seriesOhms, int initialSkinOhms, int finalSkinOhms, long fallTimeConstantMicros) {
        if (seriesOhms < 0 || finalSkinOhms < 0 || initialSkinOhms < finalSkinOhms) {
            throw new IllegalArgumentException("electrode load: need 0 <= series, 0 <= final skin <= initial skin"
                    + " resistance, got series " + seriesOhms + ", initial " + initialSkinOhms + ", final " + finalSkinOhms);
        }
        if (fallTimeConstantMicros <= 0) {
            throw new IllegalArgumentException("electrode load: the fall time constant must be positive, was "
                    + fallTimeConstantMicros + " us");
        }
        this.seriesOhms = seriesOhms;
        this.initialSkinOhms = initialSkinOhms;
        this.finalSkinOhms = finalSkinOhms;
        this.fallTimeConstantMicros = fallTimeConstantMicros;
    }

    /** Advances the load by {@code intervalMicros} during which {@code currentMicroamps} flowed. */
    public void advance(long intervalMicros, int currentMicroamps) {
        if (intervalMicros > 0 && currentMicroamps > 0) {
            energizedMicros += intervalMicros;
        }
    }

    /** The total resistance now (Ω). */
    public int resistanceOhms() {
        double fall = Math.exp(-(double) energizedMicros / fallTimeConstantMicros);
        return seriesOhms + finalSkinOhms + (int) Math.round((initialSkinOhms - finalSkinOhms) * fall);
    }

    /** The series resistance (Ω). */
    public int seriesOhms() {
        return seriesOhms;
    }

    /** The skin resistance now (Ω). */
    public int skinOhms() {
        return resistanceOhms() - seriesOhms;
    }

    /** How long current has flowed through this load (µs). */
    public long energizedMicros() {
        return energizedMicros;
    }
}
