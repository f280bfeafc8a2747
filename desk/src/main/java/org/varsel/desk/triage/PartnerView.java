package org.varsel.desk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.varsel.contract.Json;

/**
 * What a partner may see of an incident its signals are part of: only its own evidence signals (and their authors),
 * never other sources' content or names, the detector's coordination details, or the desk's internal assignment.
 */
public final class PartnerView {
  private PartnerView() {}

  /** A copy of the incident JSON cut down to what partner {@code partnerId} contributed. */
  public static ObjectNode of(ObjectNode incident, String partnerId) {
    String source = "partner:" + partnerId;
    ObjectNode view = incident.deepCopy();
    view.remove("assignee");
    view.remove("status_reason");
    // which other partners reported is theirs to tell, not ours
    view.putArray("sources").add(source);
    JsonNode evidence = view.path("evidence");
    if (evidence instanceof ObjectNode evidenceObject) {
      ArrayNode own = Json.mapper().createArrayNode();
      Set<String> authors = new LinkedHashSet<>();
      for (JsonNode signal : evidence.path("signals")) {
        if (source.equals(signal.path("source").asText())) {
          own.add(signal);
          if (signal.hasNonNull("author")) {
            authors.add(signal.get("author").asText());
          }
        }
      }
      evidenceObject.set("signals", own);
      ArrayNode accounts = evidenceObject.putArray("accounts");
      authors.forEach(accounts::add);
      evidenceObject.putObject("coordination");
    }
    return view;
  }
}
