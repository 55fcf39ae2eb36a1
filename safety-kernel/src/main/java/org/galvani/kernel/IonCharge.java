package org.galvani.kernel;

/** The charge of a drug's active ion, which decides the active electrode's polarity. */
public enum IonCharge {
    /** A cation: delivered from the anode. */
    POSITIVE,
    /** An anion: delivered from the cathode. */
    NEGATIVE,
    /** No drug ion (tap-water iontophoresis): either polarity. */
    EITHER;

    /** Whether {@code activeElectrode} delivers an ion of this charge. */
    public boolean fits(Polarity activeElectrode) {
        switch (this) {
            case POSITIVE:
                return activeElectrode == Polarity.ANODE;
            case NEGATIVE:
                return activeElectrode == Polarity.CATHODE;
            default:
                return activeElectrode != null;
        }
    }
}
