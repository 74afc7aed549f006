package report

import (
	"bufio"
	"fmt"
	"io"
)

// writeJSONV1Stream is JSONV1 for a report that arrives file by file.
// Version 1 puts the summary and the file records before the findings, and
// the summary is known only at the end, so the file records and the
// findings are encoded as they arrive into two spool files (removed from
// their folder at once where the system allows) and copied into the
// document at the end: memory stays flat, the bytes are JSONV1's.
func writeJSONV1Stream(w io.Writer, s *Stream) (err error) {
	files, err := newSpool("exportqc-v1-files-*.spool")
	if err != nil {
		return fmt.Errorf("json-v1: spool for the file records: %w", err)
	}
	defer files.close(&err)
	findings, err := newSpool("exportqc-v1-findings-*.spool")
	if err != nil {
		return fmt.Errorf("json-v1: spool for the findings: %w", err)
	}
	defer findings.close(&err)
	fw, gw := bufio.NewWriterSize(files.f, 64<<10), bufio.NewWriterSize(findings.f, 64<<10)
	fe := jsonEnc{w: fw, buf: make([]byte, 0, 16<<10)}
	ge := jsonEnc{w: gw, buf: make([]byte, 0, 16<<10)}
	nFiles, nFindings := 0, 0
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		if p.File != nil {
			fe.fileV1(nFiles, p.File)
			nFiles++
		}
		for i := range p.Findings {
			ge.findingV1(nFindings, &p.Findings[i])
			nFindings++
		}
		if fe.err != nil || ge.err != nil {
			return fmt.Errorf("json-v1: spool: %w", firstErr(fe.err, ge.err))
		}
	}
	t, err := s.Tail()
	if err != nil {
		return err
	}
	fe.flush()
	ge.flush()
	if err := firstErr(fe.err, ge.err, fw.Flush(), gw.Flush()); err != nil {
		return fmt.Errorf("json-v1: spool: %w", err)
	}
	return writeJSONV1(w, s.Tool, s.Rules, t, nFiles, files.copyTo, nFindings, findings.copyTo)
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
