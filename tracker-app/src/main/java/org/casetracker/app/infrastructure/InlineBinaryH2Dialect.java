package org.casetracker.app.infrastructure;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * H2 with {@code @Lob byte[]} columns (Axon's payload, metadata and token) as {@code binary varying}, stored in the
 * row: as a {@code blob}, every value went to H2's separate LOB maps, whose pages each commit rewrote beside the
 * table's (a one-row commit cost about twice the CPU, ADR 0027), and every read handed out a temporary LOB to copy.
 * Bound with {@code setBytes}/{@code getBytes}, as on PostgreSQL ({@link ByteaPostgreSQLDialect}). Text columns stay
 * {@code clob}. Selected in application.yml; V4 converts stores made before it.
 */
public class InlineBinaryH2Dialect extends H2Dialect {

    /** H2's variable binary without a declared length: up to its maximum, 1,000,000,000 bytes. */
    private static final String IN_ROW_BINARY = "binary varying";

    public InlineBinaryH2Dialect() {
        super();
    }

    public InlineBinaryH2Dialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? IN_ROW_BINARY : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? IN_ROW_BINARY : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions contributions, ServiceRegistry services) {
        super.contributeTypes(contributions, services);
        // varying, not BinaryJdbcType: H2's binary(n) is of fixed length
        LobsAsValues.bindBinaryLobsAs(VarbinaryJdbcType.INSTANCE, contributions);
    }
}
