/** The messages that cross Kafka topics between intake, pipeline and desk: schemas, records and their JSON form. */
package org.varsel.contract;
