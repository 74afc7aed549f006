package itunes

import (
	"crypto/md5"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func TestTVEpisodePackage(t *testing.T) {
	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "deliveries", "itunes")
	mf := FindMetadata(root)
	if filepath.ToSlash(mf) != filepath.ToSlash(filepath.Join(root, "LONGRIVER_S01E02.itmsp", "metadata.xml")) {
		t.Fatalf("FindMetadata = %q", mf)
	}
	d, err := Read(root, mf)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 0 {
		t.Errorf("problems %+v", d.Problems)
	}
	if len(d.Episodes) != 1 || d.Episodes[0].Number != 2 || d.Episodes[0].Title != "The Ferry" || len(d.Episodes[0].Files) != 4 {
		t.Fatalf("episodes %+v", d.Episodes)
	}
	if strings.Join(d.Territories, ",") != "FR,US" || d.Manifests[0] != "LONGRIVER_S01E02.itmsp/metadata.xml" {
		t.Errorf("territories %v manifests %v", d.Territories, d.Manifests)
	}
	want := map[string][2]string{
		"LongRiver_S01E02_fr-FR.itt":        {delivery.Subtitles, "fr-FR"},
		"LongRiver_S01E02_fr-FR_Forced.itt": {delivery.Forced, "fr-FR"},
		"LongRiver_S01E02_en-US_SDH.itt":    {delivery.SDH, "en-US"},
		"LongRiver_S01E02_en-US.scc":        {delivery.Captions, "en-US"},
	}
	for _, f := range d.Files {
		name := strings.TrimPrefix(f.Path, "LONGRIVER_S01E02.itmsp/")
		w, ok := want[name]
		if !ok || f.Kind != w[0] || f.Language != w[1] || f.Episode != 2 {
			t.Errorf("%s: %s %q ep %d, want %v", f.Path, f.Kind, f.Language, f.Episode, w)
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		sum := md5.Sum(b)
		if f.Hashes["md5"] != hex.EncodeToString(sum[:]) || f.Size != int64(len(b)) {
			t.Errorf("%s: declared md5 %s size %d; file %x %d", f.Path, f.Hashes["md5"], f.Size, sum, len(b))
		}
	}
}

func TestITunesProblems(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://apple.com/itunes/importer" version="film5.2">
  <video>
    <type>film</type>
    <title>Forrest</title>
    <assets><asset type="full">
      <data_file><file_name>movie.mov</file_name><size>100</size><checksum type="md5">9df86c3e43e7b43ddeabb2ddfe4b8a42</checksum></data_file>
      <data_file role="forced subtitles"><locale name="fr-FR"/><file_name>fn.itt</file_name><size>1800</size>
        <checksum type="md5">b89e770f461xa59b464a7b89e770f4610909f8</checksum></data_file>
      <data_file role="audio.visually_impaired"><locale name="en"/><file_name>ad.mov</file_name><size>huge</size><checksum type="sha512">00</checksum></data_file>
      <data_file role="subtitles"><file_name>../../x.itt</file_name></data_file>
      <data_file role="subtitles"><locale name="de"/></data_file>
    </asset></assets>
  </video>
</package>
`
	d := Parse([]byte(src), "/r", "metadata.xml")
	want := []struct {
		rule string
		line int
	}{{"D009", 9}, {"D009", 10}, {"D009", 10}, {"D011", 11}, {"D009", 12}}
	if len(d.Problems) != len(want) {
		t.Fatalf("problems %+v", d.Problems)
	}
	for i, w := range want {
		if d.Problems[i].Rule != w.rule || d.Problems[i].Line != w.line {
			t.Errorf("problem %d = %+v, want %v", i, d.Problems[i], w)
		}
	}
	if d.Title != "Forrest" || len(d.Episodes) != 0 || len(d.Files) != 3 {
		t.Fatalf("title %q episodes %+v files %+v", d.Title, d.Episodes, d.Files)
	}
	if d.Files[0].Kind != delivery.Video || d.Files[1].Kind != delivery.Forced || d.Files[2].Kind != delivery.Audio {
		t.Errorf("kinds %s %s %s", d.Files[0].Kind, d.Files[1].Kind, d.Files[2].Kind)
	}
	if len(d.Files[1].Hashes) != 0 {
		t.Errorf("the 38-character MD5 must not be kept: %v", d.Files[1].Hashes)
	}
	// A checksum type we cannot compute is D010, not a schema error.
	u := Parse([]byte(`<package xmlns="http://apple.com/itunes/importer"><video><type>tv</type><container_position>3</container_position>
<data_file role="captions"><file_name>a.scc</file_name><checksum type="crc32">1234</checksum></data_file></video></package>`), "/r", "m.xml")
	if len(u.Problems) != 1 || u.Problems[0].Rule != "D010" || u.Problems[0].Line != 2 || u.Episodes[0].Number != 3 {
		t.Errorf("crc32: %+v %+v", u.Problems, u.Episodes)
	}
}
