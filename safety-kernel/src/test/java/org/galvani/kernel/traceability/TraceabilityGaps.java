package org.galvani.kernel.traceability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What is missing between the declared requirements and the links in the code, each gap on one line. */
public final class TraceabilityGaps {

    private TraceabilityGaps() {
    }

    /** Requirements that no @Implements names. */
    public static List<String> unimplemented(RequirementsFile file, List<TraceLink> links) {
        return missing(file, links, TraceLink::implementsIt, TraceLink.IMPLEMENTS);
    }

    /** Requirements that no @Verifies names. */
    public static List<String> unverified(RequirementsFile file, List<TraceLink> links) {
        return missing(file, links, TraceLink::verifiesIt, TraceLink.VERIFIES);
    }

    /**
     * Links that name a requirement none of the visible files declares (a module's own file and those of
     * the modules it builds on), @Verifies links written against a version other than the
     * requirement's current one (suspect until reviewed), and a requirement named by the repeated
     * @Verifies of one element with two versions (an unstated version counts as 1), which the matrix refuses.
     */
    public static List<String> dangling(List<RequirementsFile> visible, List<TraceLink> links) {
        Map<String, RequirementsFile.Requirement> declared = new HashMap<>();
        for (RequirementsFile file : visible) {
            file.requirements().forEach(declared::putIfAbsent);
        }
        List<String> gaps = new ArrayList<>();
        Map<String, Integer> versionOnElement = new HashMap<>();
        for (TraceLink link : links) {
            if (link.verifiesIt()) {
                int stated = link.version() == 0 ? 1 : link.version();
                Integer earlier = versionOnElement.putIfAbsent(link.where() + " " + link.id(), stated);
                if (earlier != null && earlier != stated) {
                    gaps.add(link.where() + ": @Verifies names " + link.id() + " with version " + earlier
                            + " and with version " + stated + " (contradictory)");
                }
            }
            RequirementsFile.Requirement requirement = declared.get(link.id());
            if (requirement == null) {
                gaps.add(link.where() + ": " + link.kind() + " names " + link.id() + ", which no requirements file declares");
            } else if (link.verifiesIt() && link.version() != 0 && requirement.version() != null
                    && link.version() != requirement.version()) {
                gaps.add(link.where() + ": " + link.kind() + " " + link.id() + " was written against version "
                        + link.version() + ", the requirement is at version " + requirement.version() + " (suspect)");
            }
        }
        return gaps;
    }

    /** {@link #dangling(List, List)} against one file. */
    public static List<String> dangling(RequirementsFile file, List<TraceLink> links) {
        return dangling(List.of(file), links);
    }

    private static List<String> missing(RequirementsFile file, List<TraceLink> links, Predicate<TraceLink> kind,
                                        String annotation) {
        Set<String> linked = links.stream().filter(kind).map(TraceLink::id).collect(Collectors.toSet());
        return file.requirements().values().stream()
                .filter(requirement -> !linked.contains(requirement.id()))
                .map(requirement -> requirement.id() + " (" + requirement.title() + "): no " + annotation)
                .toList();
    }
}
