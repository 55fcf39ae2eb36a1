package org.galvani.hazard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.galvani.trace.Implements;

/**
 * The checks of a hazard register together with the requirement→control links: every problem is
 * reported, each as a {@link Finding} naming the file and the line of the element at fault, in file
 * order. See {@link Check} for what is checked.
 */
@Implements({"SRS-HAZ-003", "SRS-HAZ-004"})
public final class RegisterChecker {

    /** {@code HAZ-001}. */
    public static final Pattern HAZARD_ID = Pattern.compile("HAZ-\\d{3}");
    /** {@code RC-001}. */
    public static final Pattern CONTROL_ID = Pattern.compile("RC-\\d{3}");
    /** {@code SRS-KRN-001}. */
    public static final Pattern REQUIREMENT_ID = Pattern.compile("SRS-[A-Z]+-\\d{3}");

    private final HazardRegister register;
    private final Collection<RequirementLink> links;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, RiskControl> controls = new LinkedHashMap<>();
    private final Map<String, RequirementLink> requirements = new LinkedHashMap<>();
    private final Map<String, List<RequirementLink>> implementers = new HashMap<>();

    private RegisterChecker(HazardRegister register, Collection<RequirementLink> links) {
        this.register = register;
        this.links = links;
    }

    /** Every finding of the register and the links, sorted by file, line and column. */
    public static List<Finding> check(HazardRegister register, Collection<RequirementLink> links) {
        RegisterChecker checker = new RegisterChecker(register, List.copyOf(links));
        checker.run();
        List<Finding> sorted = new ArrayList<>(checker.findings);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    private void run() {
        indexControls();
        indexRequirements();
        Set<String> used = new HashSet<>();
        Map<String, Hazard> hazards = new HashMap<>();
        for (Hazard hazard : register.hazards()) {
            Hazard first = hazards.putIfAbsent(hazard.id(), hazard);
            if (first != null) {
                add(Check.DUPLICATE_ID, hazard.location(), "hazard " + hazard.id() + " is declared again (first at "
                        + first.location() + ")");
            } else if (!HAZARD_ID.matcher(hazard.id()).matches()) {
                add(Check.MALFORMED_ID, hazard.location(), "'" + hazard.id() + "' is not a hazard ID like HAZ-001");
            }
            checkHazard(hazard, used);
        }
        for (RiskControl control : controls.values()) {
            checkControl(control, used.contains(control.id()));
        }
    }

    private void indexControls() {
        for (RiskControl control : register.controls()) {
            RiskControl first = controls.putIfAbsent(control.id(), control);
            if (first != null) {
                add(Check.DUPLICATE_ID, control.location(), "control " + control.id() + " is declared again (first at "
                        + first.location() + ")");
            } else if (!CONTROL_ID.matcher(control.id()).matches()) {
                add(Check.MALFORMED_ID, control.location(), "'" + control.id() + "' is not a control ID like RC-001");
            }
        }
    }

    private void indexRequirements() {
        for (RequirementLink link : links) {
            RequirementLink first = requirements.putIfAbsent(link.id(), link);
            if (first != null) {
                add(Check.DUPLICATE_ID, link.location(), "requirement " + link.id() + " is declared again (first at "
                        + first.location() + ")");
                continue;
            }
            if (!REQUIREMENT_ID.matcher(link.id()).matches()) {
                add(Check.MALFORMED_ID, link.location(), "'" + link.id() + "' is not a requirement ID like SRS-KRN-001");
            }
            Set<String> named = new HashSet<>();
            for (String control : link.controls()) {
                if (!named.add(control)) {
                    add(Check.DUPLICATE_ID, link.location(), link.id() + " names " + control + " twice in riskControls");
                } else if (!CONTROL_ID.matcher(control).matches()) {
                    add(Check.MALFORMED_ID, link.location(), link.id() + " names '" + control
                            + "' in riskControls, which is not a control ID like RC-001");
                } else if (!controls.containsKey(control)) {
                    add(Check.UNKNOWN_ID, link.location(), link.id() + " names " + control
                            + " in riskControls, which the register " + register.file() + " does not define");
                } else {
                    implementers.computeIfAbsent(control, c -> new ArrayList<>()).add(link);
                }
            }
        }
    }

    private void checkHazard(Hazard hazard, Set<String> used) {
        String what = "hazard " + hazard.id();
        List<RiskControl> known = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Reference reference : hazard.controls()) {
            String id = reference.id();
            used.add(id);
            if (!named.add(id)) {
                add(Check.DUPLICATE_ID, reference.location(), what + " names " + id + " twice");
            } else if (!CONTROL_ID.matcher(id).matches()) {
                add(Check.MALFORMED_ID, reference.location(), what + " names '" + id
                        + "', which is not a control ID like RC-001");
            } else if (!controls.containsKey(id)) {
                add(Check.UNKNOWN_ID, reference.location(), what + " names " + id + ", which the register does not define");
            } else {
                known.add(controls.get(id));
            }
        }
        for (int i = 1; i < known.size(); i++) {
            RiskControl before = known.get(i - 1);
            RiskControl after = known.get(i);
            if (after.kind().priority() < before.kind().priority()) {
                add(Check.CONTROLS_OUT_OF_PRIORITY_ORDER, hazard.controls().get(0).location(), what + " lists "
                        + after.id() + " (" + after.kind().label().toLowerCase(java.util.Locale.ROOT) + ") after "
                        + before.id() + " (" + before.kind().label().toLowerCase(java.util.Locale.ROOT)
                        + "); the reports show controls in the priority order of ISO 14971");
                break;
            }
        }
        Optional<Acceptability> initial = resolve(hazard.initial(), what + " initial risk");
        Optional<Acceptability> residual = resolve(hazard.residual(), what + " residual risk");
        if (initial.isPresent() && initial.get() == Acceptability.UNACCEPTABLE && known.isEmpty()) {
            add(Check.UNCONTROLLED_UNACCEPTABLE_RISK, hazard.location(), what + " has an unacceptable initial risk ("
                    + hazard.initial() + ") and no risk control");
        }
        if (residual.isPresent() && residual.get() == Acceptability.UNACCEPTABLE && hazard.benefitRisk().isEmpty()) {
            add(Check.UNACCEPTABLE_RESIDUAL_WITHOUT_RATIONALE, hazard.residual().severity().location(), what
                    + " has an unacceptable residual risk (" + hazard.residual()
                    + ") and no benefit-risk rationale (benefitRisk)");
        }
        if (initial.isPresent() && residual.isPresent()) {
            int severityUp = rank(register.matrix().severity(), hazard.residual().severity())
                    - rank(register.matrix().severity(), hazard.initial().severity());
            int probabilityUp = rank(register.matrix().probability(), hazard.residual().probability())
                    - rank(register.matrix().probability(), hazard.initial().probability());
            if (severityUp > 0 || probabilityUp > 0) {
                add(Check.RESIDUAL_ABOVE_INITIAL, hazard.residual().severity().location(), what + " has a residual risk ("
                        + hazard.residual() + ") above its initial risk (" + hazard.initial() + ")");
            } else if ((severityUp < 0 || probabilityUp < 0) && known.isEmpty()) {
                add(Check.REDUCED_WITHOUT_CONTROL, hazard.residual().severity().location(), what
                        + " claims a residual risk (" + hazard.residual() + ") below its initial risk ("
                        + hazard.initial() + ") without a risk control");
            }
        }
    }

    private Optional<Acceptability> resolve(RiskEstimate estimate, String what) {
        boolean known = true;
        if (register.matrix().severity().level(estimate.severity().id()).isEmpty()) {
            add(Check.UNKNOWN_ID, estimate.severity().location(), what + ": severity '" + estimate.severity().id()
                    + "' is not a level of the severity scale " + ids(register.matrix().severity()));
            known = false;
        }
        if (register.matrix().probability().level(estimate.probability().id()).isEmpty()) {
            add(Check.UNKNOWN_ID, estimate.probability().location(), what + ": probability '"
                    + estimate.probability().id() + "' is not a level of the probability scale "
                    + ids(register.matrix().probability()));
            known = false;
        }
        return known ? register.matrix().resolve(estimate) : Optional.empty();
    }

    private void checkControl(RiskControl control, boolean used) {
        String what = "control " + control.id();
        List<RequirementLink> implementing = implementers.getOrDefault(control.id(), List.of());
        if (implementing.isEmpty() && control.owner() == ControlOwner.SOFTWARE) {
            add(Check.CONTROL_WITHOUT_REQUIREMENT, control.location(), what + " (" + control.title()
                    + ") is implemented by no requirement: no requirements file names it in riskControls");
        } else if (implementing.isEmpty()) {
            add(Check.PRODUCT_TEAM_CONTROL_OPEN, control.location(), what + " (" + control.title()
                    + ") is the product team's to implement and verify: open until a requirement of the product"
                    + " names it in riskControls");
        }
        if (!used) {
            add(Check.UNUSED_CONTROL, control.location(), what + " (" + control.title() + ") reduces no hazard of the register");
        }
        List<Reference> references = new ArrayList<>(control.verification().implementation());
        references.addAll(control.verification().effectiveness());
        for (Reference reference : references) {
            String id = reference.id();
            if (!id.startsWith("SRS-") || id.chars().anyMatch(Character::isWhitespace)) {
                continue;
            }
            if (!REQUIREMENT_ID.matcher(id).matches()) {
                add(Check.MALFORMED_ID, reference.location(), what + ": verification names '" + id
                        + "', which is not a requirement ID like SRS-KRN-001");
            } else if (!requirements.containsKey(id)) {
                add(Check.UNKNOWN_ID, reference.location(), what + ": verification names " + id
                        + ", which no requirements file declares");
            }
        }
    }

    private static int rank(Scale scale, Reference level) {
        return scale.level(level.id()).map(Level::rank).orElseThrow();
    }

    private static String ids(Scale scale) {
        return scale.levels().stream().map(Level::id).toList().toString();
    }

    private void add(Check check, Location location, String message) {
        findings.add(new Finding(check, location, message));
    }
}
