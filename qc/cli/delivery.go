package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/pack"
)

// withProjectTerritories adds the territory packs of the project config
// (its `territories:` key) to lib. The config file is read again with a
// YAML decoder: viper lower-cases keys and forgets lines, and a territory
// pack deserves the same strict, line-numbered errors as a shipped one.
func (a *app) withProjectTerritories(lib *pack.Library) (*pack.Library, error) {
	name := a.configSource()
	if name == "" || !a.v.IsSet("territories") {
		return lib, nil
	}
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, usagef("config: %v", err)
	}
	out, err := lib.WithProjectTerritories(name, src)
	if err != nil {
		return nil, usageError{err}
	}
	return out, nil
}

// runTerritories are the --territory codes (and config `territory:`),
// checked against the packs and region codes.
func (a *app) runTerritories(lib *pack.Library) ([]string, error) {
	var out []string
	var codes []string
	for _, t := range a.v.GetStringSlice("territory") {
		codes = append(codes, strings.Split(t, ",")...)
	}
	for _, t := range codes {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if _, err := lib.Resolve(pack.Request{Territories: []string{t}}); err != nil {
			// The error names the known territories and the code likely meant (UK → GB).
			return nil, usagef("%v", err)
		}
		out = append(out, t)
	}
	return out, nil
}

// addTerritoryFlag adds --territory (repeatable; commas also separate codes).
func addTerritoryFlag(cmd *cobra.Command) {
	cmd.Flags().StringArray("territory", nil, "territory the delivery ships to (FR, MENA, LATAM, ...; repeatable): its pack's rules and language requirements apply")
}

func addDeliveryFlags(cmd *cobra.Command) {
	addTerritoryFlag(cmd)
	cmd.Flags().String("manifest", "", "read the delivery folder named through this manifest (native YAML/JSON, ASSETMAP, MMC, iTunes metadata.xml or a checksum file)")
}

func deliveryUsage() string {
	return fmt.Sprint("A folder holding a delivery manifest (manifest.yaml/.json, an IMF ASSETMAP, an iTunes metadata.xml, a\n" +
		"MovieLabs MMC manifest or checksum files), or named with --manifest, or any folder named with --territory,\n" +
		"is checked as a delivery: its listed subtitle files get the per-file rules, and the delivery rules (D001-D012)\n" +
		"check the manifest against the disk and the territories' language requirements.")
}
