package org.galvani.kernel.policy;

/** What the contact monitor concluded from one impedance reading. */
public enum ContactVerdict {
    /** Impedance inside the window and no jump. */
    IN_WINDOW,
    /** Impedance outside the window (open circuit, lifted electrode, or a short), or unknown. */
    OUT_OF_WINDOW,
    /** Impedance changed between consecutive readings by more than the jump limit. */
    JUMP;

    /*
     * Java guarantees that enum constants are distinct and non-null (JLS 8.9). KeY 2.12 does not know it
     * (KeYProject/key issues 1522 and 3670), so the fact is stated here and contracts that compare
     * ContactVerdict constants require \static_invariant_for(ContactVerdict). KeY does not verify static
     * initialisation: this invariant is an assumption, justified by the language, not a proof result.
     */
    /*@ public static invariant
      @     IN_WINDOW != null && OUT_OF_WINDOW != null && JUMP != null && IN_WINDOW != OUT_OF_WINDOW &&
      @     IN_WINDOW != JUMP && OUT_OF_WINDOW != JUMP;
      @*/
}
