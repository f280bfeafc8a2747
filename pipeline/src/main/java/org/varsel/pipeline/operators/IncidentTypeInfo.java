package org.varsel.pipeline.operators;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.varsel.contract.Incident;

/**
 * The type of incident streams between operators, serialised by {@link IncidentWireSerializer}. Only the topology names
 * it (as an operator's output type): state descriptors that hold incidents keep Flink's own serializer, so savepoints
 * are untouched.
 */
public final class IncidentTypeInfo extends TypeInformation<Incident> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Incident> getTypeClass() {
        return Incident.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Incident> createSerializer(SerializerConfig config) {
        return IncidentWireSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "Incident (wire)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncidentTypeInfo;
    }

    @Override
    public int hashCode() {
        return IncidentTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof IncidentTypeInfo;
    }
}
