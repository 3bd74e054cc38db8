package catalog

import _ "embed"

//go:embed services.schema.json
var servicesSchema []byte

// ServicesSchema returns the JSON Schema (draft 2020-12) of
// /api/services.json. The caller must not modify the bytes.
func ServicesSchema() []byte { return servicesSchema }
