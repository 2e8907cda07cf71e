package org.casetracker.app.infrastructure;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.hibernate.type.descriptor.jdbc.ClobJdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/**
 * PostgreSQL with {@code @Lob} columns as plain values: Hibernate's own dialect maps {@code @Lob byte[]} (Axon's
 * payload, metadata and token) and {@code @Lob String} (the case-file document) to {@code oid}, large objects kept
 * outside the row, which {@code pg_dump} without {@code --large-objects}, {@code VACUUM} and replication treat apart
 * and which are never deleted with their row. Here they are {@code bytea} and {@code text}, read and written as bytes
 * and strings (Axon's guidance for PostgreSQL). Selected by the {@code postgres} profile (application-postgres.yml).
 */
public class ByteaPostgreSQLDialect extends PostgreSQLDialect {

    public ByteaPostgreSQLDialect() {
        super();
    }

    public ByteaPostgreSQLDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return switch (sqlTypeCode) {
            case SqlTypes.BLOB -> "bytea";
            case SqlTypes.CLOB -> "text";
            default -> super.columnType(sqlTypeCode);
        };
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return switch (sqlTypeCode) {
            case SqlTypes.BLOB -> "bytea";
            case SqlTypes.CLOB -> "text";
            default -> super.castType(sqlTypeCode);
        };
    }

    @Override
    public void contributeTypes(TypeContributions contributions, ServiceRegistry services) {
        super.contributeTypes(contributions, services);
        // @Lob resolves to the MATERIALIZED_* codes; both bound as values, never through setBlob/setClob (which make
        // the driver create a large object and send its oid)
        LobsAsValues.bindBinaryLobsAs(BinaryJdbcType.INSTANCE, contributions); // bytea
        JdbcTypeRegistry types = contributions.getTypeConfiguration().getJdbcTypeRegistry();
        for (int clob : new int[]{SqlTypes.CLOB, SqlTypes.MATERIALIZED_CLOB}) {
            types.addDescriptor(clob, ClobJdbcType.STRING_BINDING); // setString/getString on text
        }
    }
}
