package delivery

import (
	"path"
	"strings"
)

// KindFromExt guesses a file's kind from its extension, for deliveries
// whose manifest does not say (checksum sidecars, file-name inference).
// Forced and SDH cannot be seen in an extension: callers refine with the
// name.
func KindFromExt(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".srt", ".vtt", ".webvtt", ".ttml", ".dfxp", ".xml", ".itt", ".stl", ".ass", ".ssa", ".sub", ".sbv", ".imsc":
		return Subtitles
	case ".scc", ".cap", ".mcc":
		return Captions
	case ".wav", ".aif", ".aiff", ".aac", ".ac3", ".eac3", ".ec3", ".mp3", ".flac", ".m4a", ".mka":
		return Audio
	case ".mov", ".mp4", ".m4v", ".mxf", ".mkv", ".ts", ".mpg", ".mpeg", ".avi", ".webm":
		return Video
	}
	return Other
}
