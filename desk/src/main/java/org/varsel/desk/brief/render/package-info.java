/**
 * The forms of a brief: Markdown, HTML (escaping templates), PDF (from that HTML), JSON and a STIX 2.1 bundle. Each
 * renders a composed {@link org.varsel.desk.brief.model.Brief} whole: what may not go to the audience is already out.
 */
package org.varsel.desk.brief.render;
