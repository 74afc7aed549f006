package delivery

import "fmt"

// Merge folds a checksum sidecar's view (side) into d. Hashes and sizes
// the sidecar gives for a file d already declares are added to it; when
// both give a value for the same algorithm and they differ, that is a
// D009 problem at the sidecar line (one of them is wrong, and only the
// file can tell which). Files the sidecar lists that d does not declare
// are ignored unless d is itself a sidecar-only delivery (KindSums), in
// which case the sidecar's list is the delivery's list.
func (d *Delivery) Merge(side *Delivery) {
	d.Manifests = append(d.Manifests, side.Manifests...)
	d.Problems = append(d.Problems, side.Problems...)
	idx := make(map[string][]int, len(d.Files))
	for i := range d.Files {
		idx[d.Files[i].Path] = append(idx[d.Files[i].Path], i)
	}
	for _, sf := range side.Files {
		targets, ok := idx[sf.Path]
		if !ok {
			if d.Kind == KindSums {
				f := sf
				f.Hashes = make(map[string]string, len(sf.Hashes))
				for a, v := range sf.Hashes {
					f.Hashes[a] = v
				}
				idx[f.Path] = append(idx[f.Path], d.AddFile(f))
			}
			continue
		}
		reported := false
		for _, i := range targets {
			f := &d.Files[i]
			if f.Hashes == nil {
				f.Hashes = map[string]string{}
			}
			for a, v := range sf.Hashes {
				old, has := f.Hashes[a]
				switch {
				case !has:
					f.Hashes[a] = v
				case old != v && !reported:
					reported = true
					d.Problemf(RuleManifestInvalid, sf.Manifest, sf.Line,
						fmt.Sprintf("%s: %s gives %s %s, but %s:%d gives %s", sf.Path, sf.Manifest, a, v, f.Manifest, f.Line, old))
				}
			}
			switch {
			case f.Size < 0:
				f.Size = sf.Size
			case sf.Size >= 0 && sf.Size != f.Size && !reported:
				reported = true
				d.Problemf(RuleManifestInvalid, sf.Manifest, sf.Line,
					fmt.Sprintf("%s: %s gives size %d, but %s:%d gives %d", sf.Path, sf.Manifest, sf.Size, f.Manifest, f.Line, f.Size))
			}
		}
	}
}
