/**
 * The desk's settings: {@link org.varsel.desk.config.DeskSettings}, one typed record per part, read together by the
 * one settings reader of the project (a properties file, then the environment, over the defaults).
 */
package org.varsel.desk.config;
