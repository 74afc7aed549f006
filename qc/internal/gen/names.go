package gen

import (
	"strconv"
	"strings"
)

// Word lists for member companies and programme titles. Combinations give
// a few thousand distinct names; collisions get a numeral.

var companyFirst = []string{
	"Northlight", "Blue Harbour", "Red Kite", "Silver Fern", "Oak Tree", "Lighthouse", "Meridian", "Granite",
	"Kestrel", "Bright Water", "Longshore", "Maple Street", "Atlas", "Copperline", "Sandstone", "Evergreen",
	"Highland", "Riverside", "Starling", "Moonrise", "Westwind", "Iron Bridge", "Fox Hollow", "Harbourside",
	"Tall Ship", "Aurora", "Black Swan", "Clearwater", "Driftwood", "Eastgate",
}

var companySecond = []string{
	"Pictures", "Media", "Films", "Productions", "Studios", "Television", "Entertainment", "Content", "Drama", "Factual",
}

var titleFirst = []string{
	"Silent", "Long", "Hidden", "Broken", "Golden", "Northern", "Winter", "Last", "Distant", "Burning",
	"Quiet", "Wild", "Lost", "Deep", "Hollow", "Crimson", "Frozen", "Salt", "Iron", "Paper",
	"Midnight", "Summer", "Secret", "Narrow", "Open", "Falling", "Bitter", "Shining", "Empty", "Restless",
}

var titleSecond = []string{
	"River", "Harbour", "Coast", "Valley", "Orchard", "Border", "Kingdom", "Station", "Island", "Road",
	"Shore", "Garden", "Mountain", "Bridge", "Lighthouse", "Forest", "Crossing", "Tide", "Frontier", "Village",
	"Archive", "Hotel", "Circus", "Country", "Empire", "Parish", "Marsh", "Canal", "Quarry", "Harvest",
}

// slug makes a folder name: lower case, words joined by hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// camel makes the title part of a file name: "The Silent River" → "SilentRiver".
func camel(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if w == "The" {
			continue
		}
		for _, r := range w {
			if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// uniqueName draws names until one is new, then falls back to numbering.
func uniqueName(seen map[string]bool, draw func() string) string {
	for try := 0; try < 20; try++ {
		n := draw()
		if !seen[n] {
			seen[n] = true
			return n
		}
	}
	base := draw()
	for i := 2; ; i++ {
		n := base + " " + strconv.Itoa(i)
		if !seen[n] {
			seen[n] = true
			return n
		}
	}
}

func companyName(r *rng) string { return pick(r, companyFirst) + " " + pick(r, companySecond) }

func programmeTitle(r *rng) string {
	t := pick(r, titleFirst) + " " + pick(r, titleSecond)
	if r.chance(0.5) {
		t = "The " + t
	}
	return t
}
