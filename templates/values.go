package templates

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Ptr returns a pointer to a copy of v. It sets optional fields, so that an
// update body can send an explicit false, 0 or "".
func Ptr[T any](v T) *T {
	return &v
}

// Date is an Edm.Date: a calendar date without time or time zone, written
// as "2006-01-02".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Time returns midnight at the start of d in loc; a nil loc means UTC.
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// String returns d as "2006-01-02".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText implements encoding.TextMarshaler. It rejects dates that do
// not exist or whose year does not have four digits.
func (d Date) MarshalText() ([]byte, error) {
	if d.Year < 0 || d.Year > 9999 || DateOf(d.Time(time.UTC)) != d {
		return nil, fmt.Errorf("graph: invalid Edm.Date %s", d)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, accepting exactly the
// form "2006-01-02".
func (d *Date) UnmarshalText(text []byte) error {
	t, err := time.Parse(time.DateOnly, string(text))
	if err != nil {
		return fmt.Errorf("graph: invalid Edm.Date %q", text)
	}
	*d = DateOf(t)
	return nil
}

// TimeOfDay is an Edm.TimeOfDay: a time without date or time zone, written
// as "15:04:05" with an optional fraction of 1 to 9 digits.
//
// A parsed TimeOfDay remembers how many fraction digits its text had, so
// that "08:00:00.0000000" encodes back exactly. Consequently it may compare
// unequal to a TimeOfDay literal with the same clock values.
type TimeOfDay struct {
	Hour, Minute, Second, Nanosecond int

	// digits is the number of fraction digits to write at least; more are
	// written when Nanosecond needs them.
	digits int
}

// String returns t as "15:04:05", followed by a fraction when t was parsed
// with one or Nanosecond is not zero.
func (t TimeOfDay) String() string {
	s := fmt.Sprintf("%02d:%02d:%02d", t.Hour, t.Minute, t.Second)
	if t.Nanosecond < 0 || t.Nanosecond > 999_999_999 {
		return s + fmt.Sprintf(".%d", t.Nanosecond)
	}
	return s + fraction(t.Nanosecond, t.digits)
}

// MarshalText implements encoding.TextMarshaler. It rejects out-of-range
// fields.
func (t TimeOfDay) MarshalText() ([]byte, error) {
	if t.Hour < 0 || t.Hour > 23 || t.Minute < 0 || t.Minute > 59 ||
		t.Second < 0 || t.Second > 59 || t.Nanosecond < 0 || t.Nanosecond > 999_999_999 {
		return nil, fmt.Errorf("graph: invalid Edm.TimeOfDay %s", t)
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, accepting "15:04:05"
// with an optional fraction of 1 to 9 digits.
func (t *TimeOfDay) UnmarshalText(text []byte) error {
	s := string(text)
	if len(s) < 8 || s[2] != ':' || s[5] != ':' {
		return invalidTimeOfDay(s)
	}
	h, okH := digitsValue(s[0:2])
	m, okM := digitsValue(s[3:5])
	sec, okS := digitsValue(s[6:8])
	if !okH || !okM || !okS || h > 23 || m > 59 || sec > 59 {
		return invalidTimeOfDay(s)
	}
	v := TimeOfDay{Hour: h, Minute: m, Second: sec}
	if rest := s[8:]; rest != "" {
		frac, ok := strings.CutPrefix(rest, ".")
		ns, okN := fractionNanos(frac)
		if !ok || !okN {
			return invalidTimeOfDay(s)
		}
		v.Nanosecond, v.digits = ns, len(frac)
	}
	*t = v
	return nil
}

// invalidTimeOfDay returns the error for text that is not an Edm.TimeOfDay.
func invalidTimeOfDay(s string) error {
	return fmt.Errorf("graph: invalid Edm.TimeOfDay %q", s)
}

// Duration is an Edm.Duration: an ISO 8601 duration such as "PT1H30M",
// "P1D", "P2W" or "-PT2M35.6823926S".
//
// A Duration keeps the text it was parsed from and encodes back to exactly
// that text. Use Std to convert it to a time.Duration and DurationOf for the
// reverse. The zero Duration is "PT0S".
type Duration struct {
	text string // the original text; empty for the zero Duration
	neg  bool

	// The components, all non-negative; nanos is the fraction of seconds.
	years, months, weeks, days, hours, minutes, seconds, nanos int64
}

// ParseDuration parses an ISO 8601 duration: an optional "-", then "P",
// then any of nY, nM, nW, nD in that order, then optionally "T" followed by
// any of nH, nM, nS in that order, where only seconds may have a fraction.
// At least one component is required, and at least one after "T".
func ParseDuration(s string) (Duration, error) {
	invalid := func() (Duration, error) {
		return Duration{}, fmt.Errorf("graph: invalid Edm.Duration %q", s)
	}
	d := Duration{text: s}
	rest, neg := strings.CutPrefix(s, "-")
	d.neg = neg
	rest, ok := strings.CutPrefix(rest, "P")
	if !ok {
		return invalid()
	}
	datePart, timePart, hasT := strings.Cut(rest, "T")
	if datePart == "" && !hasT || hasT && timePart == "" {
		return invalid()
	}
	if !parseComponents(datePart, "YMWD", []*int64{&d.years, &d.months, &d.weeks, &d.days}, nil) ||
		!parseComponents(timePart, "HMS", []*int64{&d.hours, &d.minutes, &d.seconds}, &d.nanos) {
		return invalid()
	}
	return d, nil
}

// parseComponents parses a sequence of number-unit pairs such as "1Y2D",
// storing each number in dst at the index of its unit in units. Units must
// appear in the order of units, each at most once. A fraction is accepted
// only on the last unit, and only when frac is not nil; it is stored in frac
// as nanoseconds, digits beyond the ninth being dropped.
func parseComponents(s, units string, dst []*int64, frac *int64) bool {
	next := 0 // index in units of the first unit still allowed
	for s != "" {
		i := 0
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		num, rest := s[:i], s[i:]
		fracDigits, hasFrac := "", false
		if after, ok := strings.CutPrefix(rest, "."); ok && frac != nil {
			j := 0
			for j < len(after) && isDigit(after[j]) {
				j++
			}
			fracDigits, rest, hasFrac = after[:j], after[j:], true
		}
		if num == "" || hasFrac && fracDigits == "" || rest == "" {
			return false
		}
		u := strings.IndexByte(units[next:], rest[0])
		if u < 0 {
			return false
		}
		u += next
		if hasFrac && u != len(units)-1 {
			return false
		}
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil {
			return false
		}
		*dst[u] = n
		if hasFrac {
			ns, _ := fractionNanos(fracDigits[:min(len(fracDigits), 9)])
			*frac = int64(ns)
		}
		next = u + 1
		s = rest[1:]
	}
	return true
}

// DurationOf returns d as a Duration in canonical form, using hours,
// minutes and seconds only, such as "PT1H2M3.5S" or "PT0S".
func DurationOf(d time.Duration) Duration {
	var out Duration
	mag := uint64(d)
	if d < 0 {
		out.neg = true
		mag = -mag // correct for math.MinInt64 too
	}
	out.hours = int64(mag / uint64(time.Hour))
	mag %= uint64(time.Hour)
	out.minutes = int64(mag / uint64(time.Minute))
	mag %= uint64(time.Minute)
	out.seconds = int64(mag / uint64(time.Second))
	out.nanos = int64(mag % uint64(time.Second))
	out.text = out.canonical()
	return out
}

// Std converts d to a time.Duration, counting a day as 24 hours and a week
// as 7 days. It fails when d has years or months, which have no fixed
// length, or when the result overflows.
func (d Duration) Std() (time.Duration, error) {
	if d.years != 0 || d.months != 0 {
		return 0, fmt.Errorf("graph: Edm.Duration %s has years or months, which have no fixed length", d)
	}
	limit := uint64(math.MaxInt64)
	if d.neg {
		limit++ // -1<<63 is representable
	}
	total := uint64(d.nanos)
	for _, c := range []struct {
		n    int64
		unit time.Duration
	}{
		{d.weeks, 7 * 24 * time.Hour},
		{d.days, 24 * time.Hour},
		{d.hours, time.Hour},
		{d.minutes, time.Minute},
		{d.seconds, time.Second},
	} {
		n, unit := uint64(c.n), uint64(c.unit)
		if n > (limit-total)/unit {
			return 0, fmt.Errorf("graph: Edm.Duration %s overflows time.Duration", d)
		}
		total += n * unit
	}
	if d.neg {
		// Negating int64(1<<63) wraps to itself, which is the intended value.
		return time.Duration(-int64(total)), nil
	}
	return time.Duration(total), nil
}

// String returns the text d was parsed from, or its canonical form.
func (d Duration) String() string {
	if d.text != "" {
		return d.text
	}
	return d.canonical()
}

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) {
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; see ParseDuration.
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := ParseDuration(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// canonical formats the components of d, omitting zero ones.
func (d Duration) canonical() string {
	var b strings.Builder
	if d.neg {
		b.WriteByte('-')
	}
	b.WriteByte('P')
	write := func(n int64, unit byte) {
		if n != 0 {
			b.WriteString(strconv.FormatInt(n, 10))
			b.WriteByte(unit)
		}
	}
	write(d.years, 'Y')
	write(d.months, 'M')
	write(d.weeks, 'W')
	write(d.days, 'D')
	hasDate := d.years != 0 || d.months != 0 || d.weeks != 0 || d.days != 0
	hasSeconds := d.seconds != 0 || d.nanos != 0
	if hasDate && d.hours == 0 && d.minutes == 0 && !hasSeconds {
		return b.String()
	}
	b.WriteByte('T')
	write(d.hours, 'H')
	write(d.minutes, 'M')
	if hasSeconds || d.hours == 0 && d.minutes == 0 { // "PT0S" when all is zero
		b.WriteString(strconv.FormatInt(d.seconds, 10))
		b.WriteString(fraction(int(d.nanos), 0))
		b.WriteByte('S')
	}
	return b.String()
}

// fraction formats ns nanoseconds as a decimal fraction of a second with
// at least minDigits digits (at most 9), or as "" when that is zero digits.
func fraction(ns, minDigits int) string {
	digits := 9
	for n := ns; digits > 0 && n%10 == 0; n /= 10 {
		digits--
	}
	digits = min(max(digits, minDigits), 9)
	if digits == 0 {
		return ""
	}
	return "." + fmt.Sprintf("%09d", ns)[:digits]
}

// fractionNanos converts 1 to 9 decimal fraction digits to nanoseconds.
func fractionNanos(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	v, ok := digitsValue(s)
	for range 9 - len(s) {
		v *= 10
	}
	return v, ok
}

// digitsValue returns the value of s, which must consist of ASCII digits
// only and be short enough not to overflow.
func digitsValue(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	v := 0
	for i := range len(s) {
		if !isDigit(s[i]) {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}
