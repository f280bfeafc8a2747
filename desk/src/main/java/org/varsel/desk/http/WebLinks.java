package org.varsel.desk.http;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The templates' {@code is webaddress} test: an http or https URL with a host, which a page may turn into a link.
 * Anything else (a {@code javascript:} or {@code data:} URL, a malformed one) stays text: URLs come from partners
 * and public posts and are evidence, not something the desk vouches for.
 */
final class WebLinks extends AbstractExtension {
    @Override
    public Map<String, Test> getTests() {
        return Map.of("webaddress", new WebAddress());
    }

    static boolean isWebAddress(Object value) {
        if (!(value instanceof String url) || url.isBlank() || url.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static final class WebAddress implements Test {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public boolean apply(
                Object input,
                Map<String, Object> args,
                PebbleTemplate self,
                EvaluationContext context,
                int lineNumber) {
            return isWebAddress(input);
        }
    }
}
