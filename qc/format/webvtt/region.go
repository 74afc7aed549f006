package webvtt

import (
	"strconv"
	"strings"
)

// Region is a WebVTT region defined by a REGION block in the header.
type Region struct {
	ID    string
	Width float64 // percentage of the video width
	// Lines is the number of lines; a float64 because the spec reads any
	// run of digits, however long.
	Lines                            float64
	RegionAnchorX, RegionAnchorY     float64 // percentages
	ViewportAnchorX, ViewportAnchorY float64 // percentages
	Scroll                           string  // "" or "up"
	SourceLine                       int     // 1-based line of the REGION line
}

// parseRegion runs "collect WebVTT region settings" over the lines of a
// REGION block (after the REGION line), returning the problems met.
func parseRegion(s string) (Region, []string) {
	rg := Region{Width: 100, Lines: 3, RegionAnchorY: 100, ViewportAnchorY: 100}
	var probs []string
	bad := func(tok, why string) { probs = append(probs, "region setting "+strconv.Quote(tok)+" is ignored: "+why) }
	for rest := s; ; {
		var tok string
		if tok, rest = nextToken(rest); tok == "" {
			break
		}
		c := strings.IndexByte(tok, ':')
		if c <= 0 || c == len(tok)-1 {
			bad(tok, "a setting is name:value")
			continue
		}
		name, value := tok[:c], tok[c+1:]
		switch name {
		case "id":
			rg.ID = value
		case "width":
			if v, ok := percentage(value); ok {
				rg.Width = v
			} else {
				bad(tok, "width is a percentage from 0% to 100%")
			}
		case "lines":
			if strings.IndexFunc(value, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
				bad(tok, "lines is a whole number")
				continue
			}
			v, err := strconv.ParseFloat(value, 64)
			if err != nil && !isRangeErr(err) {
				bad(tok, "lines is a whole number")
				continue
			}
			rg.Lines = v
		case "regionanchor", "viewportanchor":
			xs, ys, ok := strings.Cut(value, ",")
			x, okx := percentage(xs)
			y, oky := percentage(ys)
			if !ok || !okx || !oky {
				bad(tok, name+" is two percentages X%,Y%")
				continue
			}
			if name == "regionanchor" {
				rg.RegionAnchorX, rg.RegionAnchorY = x, y
			} else {
				rg.ViewportAnchorX, rg.ViewportAnchorY = x, y
			}
		case "scroll":
			if value == "up" {
				rg.Scroll = "up"
			} else {
				bad(tok, "scroll is up")
			}
		default:
			bad(tok, "unknown region setting "+strconv.Quote(name))
		}
	}
	return rg, probs
}
