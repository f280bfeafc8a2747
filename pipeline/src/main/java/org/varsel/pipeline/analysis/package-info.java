/** What the pipeline learned about one signal (language, links, tags, classifier scores, rule matches): the input of correlation. */
package org.varsel.pipeline.analysis;
