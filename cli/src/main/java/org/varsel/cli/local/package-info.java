/**
 * What the commands that run the pipeline on this machine share ({@code demo}, {@code replay}, {@code bench},
 * {@code rules}): the local Flink environment, the job's topics on a local broker, and how a command logs in to a
 * broker. It depends on neither {@code cli} nor {@code cli.demo}, so both can use it.
 */
package org.varsel.cli.local;
