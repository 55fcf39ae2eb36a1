package org.galvani.kernel;

/** The polarity of the active (drug-bearing) electrode. Fixed for a whole treatment. */
public enum Polarity {
    /** Positive electrode: repels cations (for example lidocaine HCl) into the skin. */
    ANODE,
    /** Negative electrode: repels anions (for example dexamethasone sodium phosphate) into the skin. */
    CATHODE
}
