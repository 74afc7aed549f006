package gen

// Counts holds how many defects of each kind were seeded. File-level
// kinds count files (missing_language counts episode × language pairs
// absent), episode_gap counts skipped episode numbers, and the timing and
// layout kinds count cues, that is, the findings the rule should raise.
type Counts struct {
	MissingLanguage  int `json:"missing_language"`
	MissingFile      int `json:"missing_file"`
	ChecksumMismatch int `json:"checksum_mismatch"`
	SizeMismatch     int `json:"size_mismatch"`
	EpisodeGap       int `json:"episode_gap"`
	Overlap          int `json:"overlap"`
	TooShort         int `json:"too_short"`
	TooFast          int `json:"too_fast"`
	LineTooLong      int `json:"line_too_long"`
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.MissingLanguage += o.MissingLanguage
	c.MissingFile += o.MissingFile
	c.ChecksumMismatch += o.ChecksumMismatch
	c.SizeMismatch += o.SizeMismatch
	c.EpisodeGap += o.EpisodeGap
	c.Overlap += o.Overlap
	c.TooShort += o.TooShort
	c.TooFast += o.TooFast
	c.LineTooLong += o.LineTooLong
}

// Total is the number of seeded defects of all kinds.
func (c Counts) Total() int {
	return c.MissingLanguage + c.MissingFile + c.ChecksumMismatch + c.SizeMismatch + c.EpisodeGap +
		c.Overlap + c.TooShort + c.TooFast + c.LineTooLong
}

// ByKind returns the counts keyed by kind name (the JSON keys).
func (c Counts) ByKind() map[string]int {
	return map[string]int{
		DefectMissingLanguage: c.MissingLanguage, DefectMissingFile: c.MissingFile,
		DefectChecksumMismatch: c.ChecksumMismatch, DefectSizeMismatch: c.SizeMismatch,
		DefectEpisodeGap: c.EpisodeGap, DefectOverlap: c.Overlap, DefectTooShort: c.TooShort,
		DefectTooFast: c.TooFast, DefectLineTooLong: c.LineTooLong,
	}
}

// Expected is EXPECTED.json: what the generated audit tree holds and which
// defects were seeded where, so tests and benchmarks can assert exact
// figures.
type Expected struct {
	Generator  string            `json:"generator"`
	Seed       uint64            `json:"seed"`
	Options    ExpectedOptions   `json:"options"`
	Rules      map[string]string `json:"rules"` // defect kind → rule code it should raise
	Totals     Totals            `json:"totals"`
	Members    []MemberExpected  `json:"members"`
	Checksum   string            `json:"checksum"`    // manifests' digest algorithm
	FrameRates []string          `json:"frame_rates"` // rates the deliveries are timed at
}

// ExpectedOptions records the options the tree was generated with.
type ExpectedOptions struct {
	Members    int      `json:"members"`
	Episodes   int      `json:"episodes"`
	Languages  int      `json:"languages"`
	Programmes int      `json:"programmes"`
	DefectRate float64  `json:"defect_rate"`
	Density    string   `json:"density,omitempty"` // a Densities name, when cue defects follow one
	Cues       int      `json:"cues_per_45_minutes"`
	Formats    []string `json:"formats,omitempty"`
}

// Totals are the figures of a member, or of the whole tree.
type Totals struct {
	Deliveries int `json:"deliveries"`
	Programmes int `json:"programmes"`
	Episodes   int `json:"episodes"`
	// FilesListed counts subtitle files the manifests declare;
	// FilesOnDisk those actually written (listed minus missing_file).
	FilesListed int   `json:"files_listed"`
	FilesOnDisk int   `json:"files_on_disk"`
	Bytes       int64 `json:"bytes"` // subtitle bytes on disk, manifests excluded
	// CleanDeliveries have no seeded defect of any kind.
	CleanDeliveries int    `json:"clean_deliveries"`
	Defects         Counts `json:"defects"`
}

func (t *Totals) add(o Totals) {
	t.Deliveries += o.Deliveries
	t.Programmes += o.Programmes
	t.Episodes += o.Episodes
	t.FilesListed += o.FilesListed
	t.FilesOnDisk += o.FilesOnDisk
	t.Bytes += o.Bytes
	t.CleanDeliveries += o.CleanDeliveries
	t.Defects.Add(o.Defects)
}

// MemberExpected is one member company's folder.
type MemberExpected struct {
	Slug       string             `json:"slug"` // folder name under the root
	Name       string             `json:"name"` // display name
	Totals     Totals             `json:"totals"`
	Deliveries []DeliveryExpected `json:"deliveries"`
}

// DeliveryExpected is one delivery folder (one programme season).
type DeliveryExpected struct {
	Path         string   `json:"path"` // relative to the root, slash-separated
	Title        string   `json:"title"`
	Season       int      `json:"season"`
	Format       string   `json:"format"`
	FrameRate    string   `json:"frame_rate"`
	Languages    []string `json:"languages"`
	Territories  []string `json:"territories"`
	Episodes     int      `json:"episodes"`      // present
	EpisodeCount int      `json:"episode_count"` // as the manifest states, gaps included
	FilesListed  int      `json:"files_listed"`
	FilesOnDisk  int      `json:"files_on_disk"`
	Bytes        int64    `json:"bytes"`
	Defects      Counts   `json:"defects"`
}

// expected summarises a delivery's plan (after its files are generated, for
// the byte count).
func (d *deliveryPlan) expected() DeliveryExpected {
	e := DeliveryExpected{
		Path: d.dir, Title: d.title, Season: d.season, Format: d.format, FrameRate: d.rate.String(),
		Languages: d.languages, Territories: d.territories, Episodes: len(d.episodes), EpisodeCount: d.count,
	}
	if e.Territories == nil {
		e.Territories = []string{}
	}
	if d.gap != 0 {
		e.Defects.EpisodeGap = 1
	}
	for i := range d.files {
		f := &d.files[i]
		switch f.defect {
		case fileMissingLanguage:
			e.Defects.MissingLanguage++
			continue
		case fileMissingFile:
			e.Defects.MissingFile++
			e.FilesListed++
			continue
		case fileChecksum:
			e.Defects.ChecksumMismatch++
		case fileSize:
			e.Defects.SizeMismatch++
		case fileCueDefects:
			e.Defects.Overlap += f.cues.Overlap
			e.Defects.TooShort += f.cues.TooShort
			e.Defects.TooFast += f.cues.TooFast
			e.Defects.LineTooLong += f.cues.LineTooLong
		}
		e.FilesListed++
		e.FilesOnDisk++
		e.Bytes += f.size
	}
	return e
}

func (e DeliveryExpected) totals() Totals {
	t := Totals{Deliveries: 1, Programmes: 1, Episodes: e.Episodes, FilesListed: e.FilesListed,
		FilesOnDisk: e.FilesOnDisk, Bytes: e.Bytes, Defects: e.Defects}
	if e.Defects.Total() == 0 {
		t.CleanDeliveries = 1
	}
	return t
}
