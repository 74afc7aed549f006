// Package output is what every exportqc command shares for writing its
// reports: the FORMAT=PATH specs of --report and --format/--output, the
// check that no two reports go to one place, a file writer that is atomic
// for files and safe for devices, FIFOs and standard output, staging
// (Prepare/Commit) so that a command writes all its reports or none, and
// a CSV writer whose cells cannot run as spreadsheet formulas.
//
// The report and audit packages own what a report says; this package owns
// where it goes.
package output
