package ttml

import "github.com/exportqc/exportqc/qc/rule"

// Rule codes of the profile findings the reader emits as cue.Diagnostics.
// They are stable: packs and suppressions refer to them. P001-P009 are
// TTML header checks that apply to every TTML document; P010-P019 are the
// IMSC text profile constraints (and, where stated, EBU-TT-D's); P020-P029
// are Apple iTT's.
const (
	CodeLangMissing         = "P001"
	CodeLangMalformed       = "P002"
	CodePlainID             = "P003"
	CodeXMLIDInvalid        = "P004"
	CodeXMLIDDuplicate      = "P005"
	CodeUnknownAttribute    = "P006"
	CodeTextWithoutEnd      = "P007"
	CodeTooManyRegions      = "P010"
	CodeRegionOutsideRoot   = "P011"
	CodeRegionExtentMissing = "P012"
	CodeProhibitedFeature   = "P013"
	CodeFrameRateUndeclared = "P014"
	CodeTickRateUndeclared  = "P015"
	CodeContentProfiles     = "P016"
	CodePixelsWithoutExtent = "P017"
	CodeLengthUnits         = "P018"
	CodeAspectRatio         = "P019"
	CodeITTFrameRateMissing = "P020"
	CodeITTTimeBase         = "P021"
	CodeITTTimeNotFrames    = "P022"
	CodeITTRegionOverlap    = "P023"
	CodeITTImage            = "P024"
	CodeInvalidStyleValue   = "P025"
	CodeTextNeverShown      = "P026"
	CodeEncodingDeclared    = "P027"
)

// Sources cited in the rule docs. Section numbers are those of the
// published Recommendations (IMSC 1.1: REC 2018-11-08; IMSC 1.0.1: REC
// 2018-04-24), read from the w3c/imsc repository at those tags.
const (
	srcIMSC11   = "W3C IMSC 1.1 (https://www.w3.org/TR/ttml-imsc1.1/)"
	srcIMSC101  = "W3C IMSC 1.0.1 (https://www.w3.org/TR/ttml-imsc1.0.1/)"
	srcNetflixS = "Netflix Partner Help Center, \"Additional TTML Schema Inspections\" (article 115001869828)"
	srcAppleEx  = "Apple's \"iTunes Timed Text Example\" in the iTunes Package Film Specification " +
		"(help.apple.com/itc/filmspec, apdATD1E59-D1E1A1303-D1E59A1126)"
)

// Rules describes the TTML profile findings for the rule registry. Run is
// nil: the findings come from the reader's Diagnostics, which carry these
// codes. Each Doc says what is checked, why, how to fix it, the clause it
// rests on and how sure we are of that source.
var Rules = []*rule.Rule{
	{
		Code: CodeTextWithoutEnd, Name: "ttml-text-without-end", Family: "ttml-profile",
		Summary: "A paragraph with text has no end time anywhere",
		Doc: "Neither the <p> nor any ancestor sets end or dur. That is valid TTML (TTML1 §10.4: the content " +
			"is active for the whole document), but as a subtitle it has no duration: players show it until " +
			"the end of the programme, and no timing rule can judge it, so it is not checked as a cue. Fix: " +
			"give the paragraph (or its div) begin and end. Confidence: high (TTML1 timing semantics).",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeLangMissing, Name: "ttml-lang-missing", Family: "ttml-profile",
		Summary: "The <tt> element has no xml:lang",
		Doc: "TTML1 §7.1.1 and TTML2 require xml:lang on the root <tt> element; Netflix rejects TTML " +
			"without it (" + srcNetflixS + ") and Apple's iTT example declares it. Players and ingest " +
			"systems use it to label the track. Fix: add xml:lang with the BCP 47 tag of the subtitle language " +
			"(xml:lang=\"\" is valid and means undetermined, but a real tag is better). Applies to every TTML " +
			"document, whatever its profile. Confidence: high (normative in TTML1).",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeLangMalformed, Name: "ttml-lang-malformed", Family: "ttml-profile",
		Summary: "The xml:lang on <tt> is not a well-formed BCP 47 tag",
		Doc: "xml:lang takes a BCP 47 language tag (RFC 5646). Netflix's schema inspection fails tags such " +
			"as pt_BR, written with an underscore (" + srcNetflixS + "); tags that are not well-formed " +
			"(\"english\", \"en--US\", \"fr-FR-\") are reported too. The finding gives " +
			"the dash form when only the underscore is wrong. Fix: write the tag with dashes, e.g. pt-BR. " +
			"Applies to every TTML document. Confidence: high.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodePlainID, Name: "ttml-id-not-xml-id", Family: "ttml-profile",
		Summary: "Elements use id= where TTML requires xml:id",
		Doc: "TTML identifies elements with xml:id; a bare id attribute is a leftover of pre-TTML1 drafts that " +
			"schema validation rejects, and style and region references made through it break in strict " +
			"players (" + srcNetflixS + ": \"id should simply be replaced with xml:id\"). Reported once per " +
			"file with the count, at the first use. Fix: rename the attribute to xml:id. Applies to every " +
			"TTML document. Confidence: high.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeXMLIDInvalid, Name: "ttml-xml-id-invalid", Family: "ttml-profile",
		Summary: "An xml:id value is not a valid XML name (for example it starts with a digit)",
		Doc: "xml:id values must be XML NCNames (xml:id Recommendation §4): they start with a letter or " +
			"underscore and contain no spaces or colons. Netflix's schema inspection reports ids such as " +
			"\"1\" or \"2s\" (" + srcNetflixS + ": \"the first character consisting of a non-numeric " +
			"value\"). Reported once per file with the count, at the first bad id. Fix: prefix the ids, " +
			"e.g. sub1, sub2. Applies to every TTML document. Confidence: high.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeXMLIDDuplicate, Name: "ttml-xml-id-duplicate", Family: "ttml-profile",
		Summary: "The same xml:id is used on more than one element",
		Doc: "xml:id values must be unique in a document (XML ID validity constraint; " + srcNetflixS + "): " +
			"a style or region reference to a duplicated id may resolve to either element. Each repeat is " +
			"reported with the line of the first use. Fix: give every element its own id. Applies to every " +
			"TTML document. Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeUnknownAttribute, Name: "ttml-unknown-attribute", Family: "ttml-profile",
		Summary: "An attribute that TTML does not define is used on a TTML element",
		Doc: "Checks the attributes of tt, head, styling, layout, style, region, body, div, p, span and br. " +
			"Unqualified attributes must be TTML's own (begin, end, dur, timeContainer, region, style, and " +
			"TTML2's animate and condition); attributes in the tts:, ttp: and ttm: namespaces must be ones " +
			"TTML1 or TTML2 defines (names checked against the TTML2 Recommendation's attribute " +
			"vocabulary). Attributes in other namespaces (ebutts:, itts:, vendor namespaces) are foreign " +
			"and allowed. Netflix's schema inspection rejects \"non-TTML attributes being defined within the " +
			"source (e.g. ccol, ccrow)\" (" + srcNetflixS + "). id= has its own rule (P003). Reported once " +
			"per attribute name and file, with the count, at the first use. Fix: remove the attribute or " +
			"move the information to a foreign namespace or metadata. Applies to every TTML document. " +
			"Confidence: high for unqualified attributes; the TTML-namespace vocabulary is TTML2's.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeTooManyRegions, Name: "imsc-too-many-regions", Family: "ttml-profile",
		Summary: "More than 4 regions are shown at the same time",
		Doc: "IMSC 1.1 §7.12.1.3 and IMSC 1.0.1 §6.8.3: \"The number of presented regions in a given " +
			"intermediate synchronic document SHALL NOT be greater than 4\" (" + srcIMSC11 + "; " + srcIMSC101 +
			"). Cues are grouped by region and swept in time order: a region is counted while at least one " +
			"cue shown in it is active. Reported once per cluster of simultaneous cues, at the cue that first " +
			"makes it five or more, naming the regions. Regions presented only by a visible background " +
			"(tts:showBackground=\"always\" with a non-transparent tts:backgroundColor and no content) are " +
			"not counted, since background colours are not read. Runs on IMSC 1.0.1 and 1.1 text documents. " +
			"Fix: merge the cues into fewer regions, or shift their timing. Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeRegionOutsideRoot, Name: "imsc-region-outside-root", Family: "ttml-profile",
		Summary: "A region extends beyond the root container (the video frame)",
		Doc: "IMSC 1.1 §7.12.1.2 and IMSC 1.0.1 §6.8.2: \"All regions SHALL NOT extend beyond the Root " +
			"Container Region\". tts:origin (auto = 0 0) plus tts:extent (auto = the root container) must " +
			"stay within 0-100% on both axes. Checked where it can be computed exactly: percentages, rw/rh " +
			"units, and pixels when <tt> declares tts:extent in pixels; the values may come from the region's " +
			"own attributes, its nested <style> children or the styles it references. Regions placed with " +
			"tts:position are not checked. Runs on IMSC 1.0.1 and 1.1 text documents. Fix: reduce the " +
			"origin or the extent so that origin + extent <= 100%. Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeRegionExtentMissing, Name: "imsc-region-extent-missing", Family: "ttml-profile",
		Summary: "A region has no tts:extent",
		Doc: "IMSC 1.1 §8.4.2 (#extent-region) and IMSC 1.0.1 §7.4: \"The tts:extent attribute SHALL be " +
			"present on all region elements\". An extent given through a style the region references or a " +
			"nested <style> counts. Without it the region fills the root container and its size depends on " +
			"the player. Runs on IMSC 1.0.1 and 1.1 text documents. Fix: give every region an explicit " +
			"tts:extent in % (or px with a root extent). Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeProhibitedFeature, Name: "prohibited-feature", Family: "ttml-profile",
		Summary: "The document uses a feature its IMSC or EBU-TT-D profile prohibits",
		Doc: "IMSC 1.1 §6 prohibits every TTML2 feature it does not list, and IMSC 1.0.1 §6.11/§7.4 list " +
			"their prohibited TTML1 features (" + srcIMSC11 + "; " + srcIMSC101 + "). Reported once per " +
			"feature and file, with the count, in IMSC 1.0.1 and 1.1 documents: ttp:timeBase other than " +
			"media (#timeBase-smpte, #timeBase-clock; also reported in EBU-TT-D, which requires media time), " +
			"ttp:dropMode, ttp:markerMode, ttp:subFrameRate, ttp:pixelAspectRatio, ttp:clockMode, a " +
			"tts:fontSize with two values (#fontSize-anamorphic; only #fontSize-isomorphic is permitted), and in " +
			"text documents images (<image>, smpte:image, smpte:backgroundImage: the text profile carries " +
			"text only, §6 #image and the SMPTE #image extension). In IMSC 1.1 documents also the TTML2 " +
			"features it leaves out: ttp:processorProfiles, the condition and animate attributes, the " +
			"animate, audio, font, data, resources, chunk and source elements, and tts:fontShear, lineShear, " +
			"fontKerning, fontVariant, letterSpacing, textOrientation, border, bpd, ipd, " +
			"fontSelectionStrategy and the backgroundImage/Clip/Extent/Origin/Position/Repeat properties " +
			"(only those on TTML content, layout and styling elements are seen). Fix: remove the feature " +
			"(use media time; tts:shear for italics). Confidence: high (normative feature tables).",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeFrameRateUndeclared, Name: "frame-rate-undeclared", Family: "ttml-profile",
		Summary: "Frames are counted but the IMSC or EBU-TT-D document declares no ttp:frameRate",
		Doc: "IMSC 1.1 §7.12.7 and IMSC 1.0.1 (#frameRate): \"If the Document Instance includes any clock time " +
			"expression that uses the frames term or any offset time expression that uses the f metric, the " +
			"ttp:frameRate attribute SHALL be present on the tt element\"; EBU-TT-D likewise. TTML1's " +
			"default of 30 fps is then used, which is rarely the video's rate. Reported at each such time " +
			"expression. Fix: declare ttp:frameRate (and ttp:frameRateMultiplier) or use clock times with " +
			"fractions of a second. Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeTickRateUndeclared, Name: "tick-rate-undeclared", Family: "ttml-profile",
		Summary: "Ticks are counted but the IMSC or EBU-TT-D document declares no ttp:tickRate",
		Doc: "IMSC 1.1 §7.12.10 and IMSC 1.0.1 (#tickRate): \"ttp:tickRate SHALL be present on the tt " +
			"element if the document contains any time expression that uses the t metric\"; EBU-TT-D " +
			"likewise. Without it TTML1's default (the frame rate, or 1 tick per second) is used and every " +
			"time may be wrong by orders of magnitude. Reported at each such time expression. Fix: declare " +
			"ttp:tickRate (10000000 is usual). Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeContentProfiles, Name: "imsc-content-profiles", Family: "ttml-profile",
		Summary: "An IMSC 1.1 document does not name the IMSC 1.1 Text designator in ttp:contentProfiles",
		Doc: "IMSC 1.1 §7.9.1: \"The ttp:contentProfiles attribute SHOULD be present on the tt element, with " +
			"exactly one of its values equal to the designator of the profile\" " +
			"(http://www.w3.org/ns/ttml/profile/imsc1.1/text, §8.1). Netflix's Japanese IMSC 1.1 Creation " +
			"Guide (article 360034199033) makes it a must: \"ttp:contentProfiles must include: " +
			"http://www.w3.org/ns/ttml/profile/imsc1.1/text\". Reported for documents recognised as IMSC 1.1 " +
			"(by ttp:profile, <ttp:profile> or ebuttm:conformsToStandard) whose ttp:contentProfiles is " +
			"missing, lacks that exact designator, or also names the image profile. Fix: add " +
			"ttp:contentProfiles=\"http://www.w3.org/ns/ttml/profile/imsc1.1/text\" to <tt>. Confidence: high.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodePixelsWithoutExtent, Name: "imsc-pixels-without-root-extent", Family: "ttml-profile",
		Summary: "Lengths in px are used but <tt> has no tts:extent",
		Doc: "IMSC 1.1 §7.12.6 and IMSC 1.0.1 (#extent-root): \"If the Document Instance includes any length " +
			"value that uses the px unit, tts:extent SHALL be present on the tt element\". Pixels mean " +
			"nothing without the root container's size, so positions and font sizes differ between players. " +
			"Reported once per file, with the count, at the first px length. Fix: declare tts:extent on <tt> " +
			"(e.g. \"1920px 1080px\") or use % units. Runs on IMSC 1.0.1 and 1.1 text documents. " +
			"Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeLengthUnits, Name: "imsc-length-units", Family: "ttml-profile",
		Summary: "A region's extent or origin, or another length, uses a unit the IMSC text profile does not allow",
		Doc: "IMSC 1.1 §8.4.2: a region's tts:extent \"SHALL use px units, percentage values, or root container " +
			"relative units\" (IMSC 1.0.1 §7.4: px or %); §8.4.7: tts:origin \"SHALL use px units or " +
			"percentage values\"; §7.12.9: rh may not be used for a horizontal component nor rw for a " +
			"vertical one; §7.12.8 (#length-cell): \"c units SHALL NOT be present outside of the value of " +
			"ebutts:linePadding\", and §8.4.12: ebutts:linePadding only supports c units. \"auto\" is " +
			"accepted. One finding per offending attribute. Runs on IMSC 1.0.1 and 1.1 text documents. Fix: " +
			"express region geometry in % (or px with a root extent). Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeAspectRatio, Name: "imsc-aspect-ratio", Family: "ttml-profile",
		Summary: "ittp:aspectRatio or ttp:displayAspectRatio is malformed, zero, or both are present",
		Doc: "IMSC 1.1 §7.8.1: ittp:aspectRatio is \"numerator denominator\", two non-zero decimal integers; " +
			"TTML2 requires the same of ttp:displayAspectRatio; §7.12.4/§7.12.5: the two SHALL NOT both be " +
			"present (ittp:aspectRatio is deprecated in IMSC 1.1 in favour of ttp:displayAspectRatio). A " +
			"zero denominator makes the root container's shape undefined. Runs on IMSC 1.0.1 and 1.1 " +
			"documents. Fix: write e.g. ttp:displayAspectRatio=\"16 9\" and drop ittp:aspectRatio. " +
			"Confidence: high.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeITTFrameRateMissing, Name: "itt-frame-rate-missing", Family: "ttml-profile",
		Summary: "An Apple iTT document declares no ttp:frameRate",
		Doc: "iTT times are SMPTE timecodes whose frame numbers mean nothing without the frame rate. Apple's " +
			"iTT example declares ttp:frameRate, ttp:frameRateMultiplier, ttp:timeBase=\"smpte\" and " +
			"ttp:dropMode on <tt> (" + srcAppleEx + "), and every iTT writer we read does the same (Subtitle " +
			"Edit's ItunesTimedText, EZTitles' export made \"according to iTunes Timed Text\"). Without it " +
			"TTML1's default of 30 fps is used. Runs on documents recognised as iTT (Apple's iTT namespace, " +
			"an .itt file name, or IMSC namespaces with a frame rate and no profile). Fix: declare " +
			"ttp:frameRate (and ttp:frameRateMultiplier=\"1000 1001\" for 23.976/29.97) matching the video. " +
			"Confidence: medium — Apple's own profile text is not public in the copies we could read; the " +
			"requirement is inferred from Apple's example and the writers.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeITTTimeBase, Name: "itt-time-base", Family: "ttml-profile",
		Summary: "An Apple iTT document is not timed in SMPTE time, or leaves drop-frame undeclared at a fractional rate",
		Doc: "Apple's iTT example sets ttp:timeBase=\"smpte\" and an explicit ttp:dropMode (" + srcAppleEx + "). " +
			"Reported when ttp:timeBase is missing (TTML's default is media time) or not smpte, and when " +
			"ttp:dropMode is missing although the rate is fractional (frameRateMultiplier 1000/1001 or " +
			"999/1000), where drop-frame and non-drop timecodes differ by 3.6 s an hour at 29.97. Runs on " +
			"documents recognised as iTT. Fix: set ttp:timeBase=\"smpte\" and ttp:dropMode=\"nonDrop\" or " +
			"\"dropNTSC\" as the video's timecode is. Confidence: medium (from Apple's example and the " +
			"writers; see itt-frame-rate-missing).",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeITTTimeNotFrames, Name: "itt-time-not-frames", Family: "ttml-profile",
		Summary: "An Apple iTT document has times not written as HH:MM:SS:FF",
		Doc: "iTT times are SMPTE timecodes, hours:minutes:seconds:frames, as in Apple's example (" + srcAppleEx +
			"). Offset times (\"5s\", \"120f\") and clock times with fractions (\"00:00:05.120\") are valid " +
			"TTML but not iTT as Apple's tools write it, and a fraction of a second may fall between frames. " +
			"Reported once per file, with the count, at the first such time. Runs on documents recognised " +
			"as iTT. Fix: export with SMPTE timecodes at the video's frame rate. Confidence: medium.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeITTRegionOverlap, Name: "itt-overlap-same-region", Family: "ttml-profile",
		Summary: "Two Apple iTT cues overlap in time in the same region",
		Doc: "Apple's AVFoundation documentation (AVCaption.timeRange): \"Apple iTT format only permits captions " +
			"to have overlapping time ranges if they're associated with different regions\". Cues are " +
			"grouped by region; each cue that starts before an earlier cue of its region ends is reported, " +
			"with that cue's line. (T003 cue-overlap reports every overlap regardless of region; in iTT a " +
			"top and a bottom cue may legitimately overlap.) Runs on documents recognised as iTT. Fix: end " +
			"the earlier cue first or move one cue to the other region (top/bottom). Confidence: high " +
			"(Apple primary documentation).",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeITTImage, Name: "itt-image-content", Family: "ttml-profile",
		Summary: "An Apple iTT document carries images",
		Doc: "iTT is a text caption format: Apple's example and its AVFoundation caption model (AVCaption: " +
			"text with styles, in the predefined appleITTTop/Bottom/Left/Right regions) carry text only, so " +
			"<image>, smpte:image and smpte:backgroundImage content is not shown. Reported once per file, " +
			"with the count. Fix: deliver image subtitles in a format that supports them (e.g. IMSC Image " +
			"profile) or convert them to text. Confidence: medium-low — Apple's full list of supported TTML " +
			"features is not public in the copies we could read; this list is deliberately short.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeInvalidStyleValue, Name: "ttml-invalid-style-value", Family: "ttml-profile",
		Summary: "tts:color, tts:backgroundColor or tts:extent has a value TTML does not allow",
		Doc: "Checks the values of the style attributes that decide whether text can be seen: tts:color and " +
			"tts:backgroundColor must be a TTML <color> (TTML1 §8.3.2: #rrggbb, #rrggbbaa, rgb(r,g,b), " +
			"rgba(r,g,b,a) with components 0-255, or one of the named colours black, silver, gray, white, " +
			"maroon, red, purple, fuchsia, magenta, green, lime, olive, yellow, navy, blue, teal, aqua, cyan, " +
			"transparent), and tts:extent must be auto (or TTML2's contain/cover) or two non-negative lengths " +
			"(TTML1 §8.2.7). A processor ignores an invalid value, so the text falls back to its default colour or " +
			"its region to the whole root container. Other style values are not judged. Reported once per " +
			"attribute name and file, with the count, at the first use. Fix: write a valid value (\"pink\" is " +
			"not a TTML colour: use #FFC0CB). Confidence: high (TTML1 value grammar; W3C TTML1 validation tests " +
			"bad-color-unknown-named-color and bad-extent-negative-width).",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeTextNeverShown, Name: "ttml-text-never-shown", Family: "ttml-profile",
		Summary: "A paragraph with text is never displayed",
		Doc: "The paragraph's interval lies wholly outside the time its container (a div or body with an end, " +
			"a seq parent, an active region) is active, or it never begins because an earlier sibling in a " +
			"seq container never ends, or it ends before time zero under an iTT div with a negative begin. " +
			"That is valid TTML (TTML1 §10.4 truncates and drops such content, and test suites rely on it), " +
			"but as a subtitle delivery it is text no viewer sees: usually a timing edit that cut a container " +
			"short. The paragraph is not checked as a cue. Fix: extend the container or remove the paragraph. " +
			"Confidence: high (TTML1 timing semantics).",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeEncodingDeclared, Name: "ttml-encoding-not-utf8", Family: "ttml-profile",
		Summary: "The XML declaration names an encoding other than UTF-8",
		Doc: "IMSC 1.0.1 and 1.1 documents must be UTF-8 (the skynav IMSC 1.1 validator rejects " +
			"encoding=\"us-ascii\"), and platform ingest (" + srcNetflixS + ") expects UTF-8 TTML. A declaration " +
			"such as encoding=\"us-ascii\" or \"ISO-8859-1\" makes a strict XML parser decode the bytes that " +
			"way. Declared UTF-16 is left to E001 not-utf8, which reports the bytes themselves. Fix: save the " +
			"file as UTF-8 and declare encoding=\"UTF-8\" (or omit it). Applies to IMSC 1.0.1, IMSC 1.1 and EBU-TT-D " +
			"documents (TTML1 itself allows any encoding). Confidence: high (" + srcIMSC11 + ").",
		DefaultSeverity: rule.Error,
	},
}
