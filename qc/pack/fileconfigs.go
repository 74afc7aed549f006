package pack

import (
	"github.com/exportqc/exportqc/qc/internal/memo"
	"github.com/exportqc/exportqc/qc/rule"
)

// fileConfigs remembers, for the files of a run outside deliveries, the
// configuration of each language and format: a run of 600 files meets a
// dozen pairs, and asking the Resolver for each file plans the request,
// builds its key and takes its lock again every time to find the same
// map. What it remembers is what the Resolver answered (the Effective's
// Rules, never modified), so it answers the same;
// TestRunResolverRemembersWhatItResolved compares them.
//
// It holds at most fileConfigsSize pairs (a run of files in hundreds of
// language tags resolves the rest each time), and no errors.
type fileConfigs struct {
	kept memo.Bounded[fileConfigKey, map[string]*rule.Config] // Limit set by NewRunResolver
}

type fileConfigKey struct{ language, format string }

const fileConfigsSize = 256

func (c *fileConfigs) get(language, format string, resolve func() (map[string]*rule.Config, error)) (map[string]*rule.Config, error) {
	key := fileConfigKey{language, format}
	if cfg, hit := c.kept.Lookup(key); hit {
		return cfg, nil
	}
	cfg, err := resolve()
	if err != nil {
		return nil, err
	}
	c.kept.Keep(key, cfg)
	return cfg, nil
}
