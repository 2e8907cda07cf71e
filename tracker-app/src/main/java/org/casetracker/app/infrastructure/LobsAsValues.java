package org.casetracker.app.infrastructure;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/** What both of the tracker's dialects do to {@code @Lob byte[]}: bind it as a value in the row, never a LOB. */
final class LobsAsValues {

    private LobsAsValues() {
    }

    /**
     * {@code @Lob byte[]} resolves to the MATERIALIZED_BLOB code: both codes bound as {@code bytes}, values read and
     * written with setBytes/getBytes, never as a {@code Blob}.
     */
    static void bindBinaryLobsAs(JdbcType bytes, TypeContributions contributions) {
        JdbcTypeRegistry types = contributions.getTypeConfiguration().getJdbcTypeRegistry();
        for (int blob : new int[]{SqlTypes.BLOB, SqlTypes.MATERIALIZED_BLOB}) {
            types.addDescriptor(blob, bytes);
        }
    }
}
