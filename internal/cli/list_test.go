package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestListLayouts(t *testing.T) {
	_, out, _ := runWith(t, true, 100, map[string]string{"NO_COLOR": "1"}, "list")
	if !strings.HasPrefix(out, "ID ") || !contains(out, "STRENGTH") {
		t.Errorf("a terminal does not get a table:\n%s", out)
	}
	_, out, _ = runWith(t, false, 0, nil, "list")
	if !strings.HasPrefix(out, "id\tside\tcategory\tstrength\ttitle\n") {
		t.Errorf("a pipe does not get tab-separated values:\n%s", out)
	}
	_, out, _ = runWith(t, true, 100, nil, "list", "--format", "json", "--side", "con")
	var args []map[string]any
	if err := json.Unmarshal([]byte(out), &args); err != nil || len(args) == 0 {
		t.Fatalf("json: %v\n%s", err, out)
	}
	for _, a := range args {
		if a["side"] != "con" {
			t.Errorf("--side con let through %v", a["id"])
		}
	}
}

func TestListFormatError(t *testing.T) {
	code, out, errOut := runWith(t, false, 0, nil, "list", "--format", "csv")
	if code != exitUsage || out != "" || !contains(errOut, `invalid --format "csv": use text or json`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
