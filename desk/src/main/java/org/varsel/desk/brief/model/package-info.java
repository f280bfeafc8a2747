/**
 * What a brief is, whatever renders, stores or reports it: the composed {@link org.varsel.desk.brief.model.Brief}, its
 * {@link org.varsel.desk.brief.model.Track} (DSA notice or terms of service), its
 * {@link org.varsel.desk.brief.model.Audience}, the forms it is exported in and the names of harm categories.
 */
package org.varsel.desk.brief.model;
