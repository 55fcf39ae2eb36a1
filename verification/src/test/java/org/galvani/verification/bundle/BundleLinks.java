package org.galvani.verification.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.trace.Implements;

/**
 * Checks every relative link ({@code href}, {@code src}) of a bundle page: it must resolve to an existing file;
 * inside the bundle folder unless the link is marked {@code class="repo"} (an artefact of the repository, which
 * then must lie inside the checkout's root). External URLs are not allowed: the page works offline.
 */
@Implements("SRS-VER-010")
final class BundleLinks {

    private static final Pattern LINK = Pattern.compile("<a\\b([^>]*)>|<(?:img|script|link)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(href|src)=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private BundleLinks() {
    }

    /** The problems, one a line; empty when every link resolves. Also returns how many links were checked. */
    static List<String> check(Path page, Path bundle, Path root, int[] checked) {
        String html;
        try {
            html = Files.readString(page);
        } catch (IOException e) {
            throw new BundleException(page + ": cannot be read: " + e.getMessage(), e);
        }
        Path bundleDir = bundle.toAbsolutePath().normalize();
        Path rootDir = root.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        Matcher tag = LINK.matcher(html);
        while (tag.find()) {
            String attributes = tag.group(1) != null ? tag.group(1) : tag.group(2);
            Matcher attribute = ATTRIBUTE.matcher(attributes);
            if (!attribute.find()) {
                continue;
            }
            String target = attribute.group(2).replace("&amp;", "&");
            if (target.startsWith("#") || target.isEmpty()) {
                continue;
            }
            checked[0]++;
            if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                problems.add(target + ": not a relative link (the bundle must work offline)");
                continue;
            }
            String file = target.replaceAll("[#?].*$", "");
            Path resolved = page.toAbsolutePath().getParent().resolve(file).normalize();
            boolean repo = attributes.contains("class=\"repo\"");
            if (!Files.exists(resolved)) {
                problems.add(target + ": no such file (" + resolved + ")");
            } else if (!repo && !resolved.startsWith(bundleDir)) {
                problems.add(target + ": outside the bundle folder " + bundleDir);
            } else if (repo && !resolved.startsWith(rootDir)) {
                problems.add(target + ": outside the checkout " + rootDir);
            }
        }
        return problems;
    }
}
