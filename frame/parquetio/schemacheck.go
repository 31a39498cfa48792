package parquetio

import (
	"encoding/base64"
	"fmt"

	"github.com/ictplan/ictplan/frame/internal/arrowcheck"
)

// storedSchemaKey is the Parquet key-value metadata key under which the
// Arrow schema is stored (pyarrow and pqarrow use it).
const storedSchemaKey = "ARROW:schema"

// checkStoredSchema checks the structure of a stored Arrow schema (base64
// of an IPC schema message) before arrow-go decodes it: a corrupt count in
// it would make arrow-go allocate gigabytes (see arrowcheck).
func checkStoredSchema(encoded string) error {
	b, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(encoded); err != nil {
			return fmt.Errorf("stored Arrow schema is not base64: %w", err)
		}
	}
	if err := arrowcheck.Stream(b); err != nil {
		return fmt.Errorf("stored Arrow schema: %w", err)
	}
	return nil
}
