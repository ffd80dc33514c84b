package templates

import (
	"encoding/json"
	"math"
	"testing"
	"time"
)

func TestPtr(t *testing.T) {
	b, err := json.Marshal(user{ID: "1", AccountEnabled: Ptr(false)})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"1","accountEnabled":false}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	if p, q := Ptr(0), Ptr(0); p == q {
		t.Error("Ptr results share storage")
	}
}

func TestDateRoundTrip(t *testing.T) {
	tests := []struct {
		text string
		want Date
	}{
		{"2024-02-29", Date{2024, time.February, 29}},
		{"0001-01-01", Date{1, time.January, 1}},
		{"9999-12-31", Date{9999, time.December, 31}},
	}
	for _, tt := range tests {
		var d Date
		if err := d.UnmarshalText([]byte(tt.text)); err != nil {
			t.Errorf("UnmarshalText(%q): %v", tt.text, err)
			continue
		}
		if d != tt.want {
			t.Errorf("UnmarshalText(%q) = %+v, want %+v", tt.text, d, tt.want)
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != tt.text || d.String() != tt.text {
			t.Errorf("MarshalText(%+v) = %q, %v; String = %q; want %q", d, b, err, d.String(), tt.text)
		}
	}
}

func TestDateRejects(t *testing.T) {
	for _, s := range []string{"", "2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-01T00:00:00Z", " 2024-01-01", "2024/01/01"} {
		var d Date
		if err := d.UnmarshalText([]byte(s)); err == nil {
			t.Errorf("UnmarshalText(%q) = %+v, want error", s, d)
		}
	}
	for _, d := range []Date{{}, {2023, time.February, 29}, {10000, time.January, 1}, {-1, time.January, 1}} {
		if b, err := d.MarshalText(); err == nil {
			t.Errorf("MarshalText(%+v) = %q, want error", d, b)
		}
	}
}

func TestDateTime(t *testing.T) {
	loc := time.FixedZone("X", 5*3600)
	tm := time.Date(2024, time.March, 10, 23, 30, 0, 0, loc)
	d := DateOf(tm)
	if d != (Date{2024, time.March, 10}) {
		t.Errorf("DateOf = %+v", d)
	}
	if got := d.Time(loc); !got.Equal(time.Date(2024, time.March, 10, 0, 0, 0, 0, loc)) {
		t.Errorf("Time(loc) = %v", got)
	}
	if got := d.Time(nil); !got.Equal(time.Date(2024, time.March, 10, 0, 0, 0, 0, time.UTC)) || got.Location() != time.UTC {
		t.Errorf("Time(nil) = %v", got)
	}
}

func TestDateJSON(t *testing.T) {
	type event struct {
		Start Date `json:"start"`
	}
	var e event
	in := `{"start":"2024-05-06"}`
	if err := json.Unmarshal([]byte(in), &e); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(e)
	if err != nil || string(out) != in {
		t.Errorf("Marshal = %s, %v; want %s", out, err, in)
	}
}

func TestTimeOfDayRoundTrip(t *testing.T) {
	tests := []struct {
		text                string
		h, m, s, ns, digits int
	}{
		{"15:04:05", 15, 4, 5, 0, 0},
		{"00:00:00", 0, 0, 0, 0, 0},
		{"08:00:00.0000000", 8, 0, 0, 0, 7},
		{"23:59:59.5", 23, 59, 59, 500_000_000, 1},
		{"12:30:00.1234567", 12, 30, 0, 123_456_700, 7},
		{"12:30:00.123456789", 12, 30, 0, 123_456_789, 9},
		{"12:30:00.500", 12, 30, 0, 500_000_000, 3},
	}
	for _, tt := range tests {
		var v TimeOfDay
		if err := v.UnmarshalText([]byte(tt.text)); err != nil {
			t.Errorf("UnmarshalText(%q): %v", tt.text, err)
			continue
		}
		want := TimeOfDay{Hour: tt.h, Minute: tt.m, Second: tt.s, Nanosecond: tt.ns, digits: tt.digits}
		if v != want {
			t.Errorf("UnmarshalText(%q) = %+v, want %+v", tt.text, v, want)
		}
		b, err := v.MarshalText()
		if err != nil || string(b) != tt.text || v.String() != tt.text {
			t.Errorf("MarshalText(%+v) = %q, %v; String = %q; want %q", v, b, err, v.String(), tt.text)
		}
	}
}

func TestTimeOfDayConstructed(t *testing.T) {
	tests := []struct {
		v    TimeOfDay
		want string
	}{
		{TimeOfDay{Hour: 9}, "09:00:00"},
		{TimeOfDay{Hour: 9, Nanosecond: 250_000_000}, "09:00:00.25"},
		{TimeOfDay{Hour: 9, Nanosecond: 1}, "09:00:00.000000001"},
		// A parsed value whose Nanosecond was changed gains digits as needed.
		{TimeOfDay{Hour: 9, Nanosecond: 123_000_000, digits: 1}, "09:00:00.123"},
	}
	for _, tt := range tests {
		b, err := tt.v.MarshalText()
		if err != nil || string(b) != tt.want {
			t.Errorf("MarshalText(%+v) = %q, %v; want %q", tt.v, b, err, tt.want)
		}
	}
}

func TestTimeOfDayRejects(t *testing.T) {
	for _, s := range []string{"", "8:00:00", "08:00", "24:00:00", "12:60:00", "12:00:60", "12:00:00.", "12:00:00.1234567890", "12:00:00,5", "12:00:00Z", "aa:bb:cc", "12-00-00"} {
		var v TimeOfDay
		if err := v.UnmarshalText([]byte(s)); err == nil {
			t.Errorf("UnmarshalText(%q) = %+v, want error", s, v)
		}
	}
	for _, v := range []TimeOfDay{{Hour: 24}, {Minute: -1}, {Second: 60}, {Nanosecond: 1_000_000_000}} {
		if b, err := v.MarshalText(); err == nil {
			t.Errorf("MarshalText(%+v) = %q, want error", v, b)
		}
	}
}

func TestDurationRoundTrip(t *testing.T) {
	tests := []struct {
		text    string
		std     time.Duration
		stdFail bool
	}{
		{text: "-PT2M35.6823926S", std: -(2*time.Minute + 35*time.Second + 682392600)},
		{text: "P1D", std: 24 * time.Hour},
		{text: "PT1H30M", std: 90 * time.Minute},
		{text: "P1Y2M3DT4H5M6.5S", stdFail: true},
		{text: "P1M", stdFail: true},
		{text: "P2W", std: 14 * 24 * time.Hour},
		{text: "PT0S", std: 0},
		{text: "P0D", std: 0},
		{text: "-PT0S", std: 0},
		{text: "PT36H", std: 36 * time.Hour},
		{text: "PT90M", std: 90 * time.Minute},
		{text: "PT0.000000001S", std: 1},
		{text: "PT1.1234567891S", std: time.Second + 123456789}, // digits past the ninth are dropped
		{text: "P1W2DT3S", std: 9*24*time.Hour + 3*time.Second},
		{text: "PT2562047H47M16.854775807S", std: math.MaxInt64},
		{text: "-PT2562047H47M16.854775808S", std: math.MinInt64},
		{text: "PT2562047H47M16.854775808S", stdFail: true},
		{text: "P99999999999W", stdFail: true},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.text)
		if err != nil {
			t.Errorf("ParseDuration(%q): %v", tt.text, err)
			continue
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != tt.text || d.String() != tt.text {
			t.Errorf("MarshalText(ParseDuration(%q)) = %q, %v; String = %q", tt.text, b, err, d.String())
		}
		var u Duration
		if err := u.UnmarshalText([]byte(tt.text)); err != nil || u != d {
			t.Errorf("UnmarshalText(%q) = %+v, %v; want %+v", tt.text, u, err, d)
		}
		std, err := d.Std()
		switch {
		case tt.stdFail && err == nil:
			t.Errorf("ParseDuration(%q).Std() = %v, want error", tt.text, std)
		case !tt.stdFail && (err != nil || std != tt.std):
			t.Errorf("ParseDuration(%q).Std() = %v, %v; want %v", tt.text, std, err, tt.std)
		}
	}
}

func TestDurationRejects(t *testing.T) {
	for _, s := range []string{
		"", "P", "PT", "1D", "P1H", "-P", "--P1D", "+P1D", "P-1D", "p1d", "P1DT", "PT1D", "P1D1D", "P1M1Y",
		"PT1S1M", "PT1.5H", "P1.5D", "PT.5S", "PT1.S", "PT1,5S", "P1DT2HT3M", "PT1H ", " PT1H", "PTS", "P1",
		"P99999999999999999999D", "PT1HT",
	} {
		if d, err := ParseDuration(s); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want error", s, d)
		}
		var d Duration
		if err := d.UnmarshalText([]byte(s)); err == nil {
			t.Errorf("UnmarshalText(%q) accepted", s)
		}
	}
}

func TestDurationOf(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "PT0S"},
		{time.Hour + 2*time.Minute + 3500*time.Millisecond, "PT1H2M3.5S"},
		{-(2*time.Minute + 35*time.Second + 682392600), "-PT2M35.6823926S"},
		{25 * time.Hour, "PT25H"},
		{time.Minute, "PT1M"},
		{time.Nanosecond, "PT0.000000001S"},
		{time.Hour + time.Second, "PT1H1S"},
		{math.MinInt64, "-PT2562047H47M16.854775808S"},
		{math.MaxInt64, "PT2562047H47M16.854775807S"},
	}
	for _, tt := range tests {
		d := DurationOf(tt.in)
		if d.String() != tt.want {
			t.Errorf("DurationOf(%v) = %q, want %q", tt.in, d, tt.want)
		}
		if back, err := d.Std(); err != nil || back != tt.in {
			t.Errorf("DurationOf(%v).Std() = %v, %v", tt.in, back, err)
		}
		parsed, err := ParseDuration(tt.want)
		if err != nil || parsed != d {
			t.Errorf("ParseDuration(%q) = %+v, %v; want %+v", tt.want, parsed, err, d)
		}
	}
}

func TestDurationZeroAndJSON(t *testing.T) {
	var zero Duration
	if zero.String() != "PT0S" {
		t.Errorf("zero Duration = %q, want PT0S", zero)
	}
	if std, err := zero.Std(); err != nil || std != 0 {
		t.Errorf("zero Std = %v, %v", std, err)
	}
	type rule struct {
		Delay *Duration `json:"delay,omitempty"`
	}
	in := `{"delay":"-PT2M35.6823926S"}`
	var r rule
	if err := json.Unmarshal([]byte(in), &r); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(r)
	if err != nil || string(out) != in {
		t.Errorf("Marshal = %s, %v; want %s", out, err, in)
	}
	if err := json.Unmarshal([]byte(`{"delay":"P"}`), &r); err == nil {
		t.Error("Unmarshal accepted an invalid duration")
	}
}
