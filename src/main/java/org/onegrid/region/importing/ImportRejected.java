package org.onegrid.region.importing;

import java.util.List;

/** An import was refused; nothing of it was written. */
public class ImportRejected extends RuntimeException {

    private final List<ImportError> errors;

    public ImportRejected(List<ImportError> errors) {
        super(errors.size() + " error(s), nothing imported; first: " + errors.get(0));
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
