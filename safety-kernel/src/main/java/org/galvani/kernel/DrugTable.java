package org.galvani.kernel;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.galvani.trace.Implements;

/**
 * Which drugs a device profile may deliver, and the charge of each drug's active ion, which fixes the
 * polarity of the active electrode. Immutable; {@link #with(String, IonCharge)} extends a table.
 *
 * <p>Codes are lower-case words joined by hyphens ({@code dexamethasone-sodium-phosphate}); look-ups
 * ignore case and surrounding blanks.
 */
@Implements("SRS-KRN-006")
public final class DrugTable {

    /** Dexamethasone sodium phosphate: an anion, delivered from the cathode. */
    public static final String DEXAMETHASONE = "dexamethasone-sodium-phosphate";
    /** Lidocaine hydrochloride: a cation, delivered from the anode. */
    public static final String LIDOCAINE = "lidocaine-hcl";
    /** Acetic acid (acetate): an anion, delivered from the cathode. */
    public static final String ACETIC_ACID = "acetic-acid";
    /** Tap water (hyperhidrosis): no drug ion, either polarity. */
    public static final String TAP_WATER = "tap-water";

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, IonCharge> charges;

    private DrugTable(Map<String, IonCharge> charges) {
        this.charges = Collections.unmodifiableMap(charges);
    }

    /** An empty table. */
    public static DrugTable empty() {
        return new DrugTable(new TreeMap<>());
    }

    /** The built-in drugs: dexamethasone sodium phosphate, lidocaine HCl, acetic acid and tap water. */
    public static DrugTable standard() {
        return empty()
                .with(DEXAMETHASONE, IonCharge.NEGATIVE)
                .with(LIDOCAINE, IonCharge.POSITIVE)
                .with(ACETIC_ACID, IonCharge.NEGATIVE)
                .with(TAP_WATER, IonCharge.EITHER);
    }

    /**
     * This table plus one drug. Throws {@link IllegalArgumentException} naming the problem when the code
     * is not a valid drug code or the drug is already listed with another charge.
     */
    public DrugTable with(String code, IonCharge charge) {
        String key = normalise(code);
        if (key == null || !CODE.matcher(key).matches()) {
            throw new IllegalArgumentException("drug table: drug code '" + code
                    + "' is not lower-case words joined by hyphens (for example 'lidocaine-hcl')");
        }
        if (charge == null) {
            throw new IllegalArgumentException("drug table: drug '" + key + "' has no ion charge");
        }
        IonCharge existing = charges.get(key);
        if (existing != null && existing != charge) {
            throw new IllegalArgumentException("drug table: drug '" + key + "' is already listed as " + existing
                    + ", cannot add it as " + charge);
        }
        TreeMap<String, IonCharge> copy = new TreeMap<>(charges);
        copy.put(key, charge);
        return new DrugTable(copy);
    }

    /** The table restricted to the given codes (each must be listed). */
    public DrugTable only(String... codes) {
        DrugTable restricted = empty();
        for (String code : codes) {
            IonCharge charge = chargeOf(code);
            if (charge == null) {
                throw new IllegalArgumentException("drug table: cannot restrict to unknown drug '" + code + "'");
            }
            restricted = restricted.with(code, charge);
        }
        return restricted;
    }

    /** The ion charge of a drug, or null when the table does not list it. */
    public IonCharge chargeOf(String code) {
        String key = normalise(code);
        return key == null ? null : charges.get(key);
    }

    /** The listed drug codes and their charges, sorted by code. */
    public Map<String, IonCharge> entries() {
        return charges;
    }

    private static String normalise(String code) {
        return code == null ? null : code.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "DrugTable" + charges;
    }
}
