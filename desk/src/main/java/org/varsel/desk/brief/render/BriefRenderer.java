package org.varsel.desk.brief.render;

import org.varsel.desk.brief.model.Brief;

/** Writes a composed brief in one format. */
@FunctionalInterface
public interface BriefRenderer {
    byte[] render(Brief brief);
}
