package export

import (
	"net/url"
	"strings"

	"github.com/argmap/argmap/internal/safetext"
)

// sectionExtras writes a section's preformatted block and its image link. The block's fence is
// longer than any run of backticks in it, so no line of it can close the fence; the image's
// path is escaped as a URL path and its text as Markdown.
func (doc *briefDoc) sectionExtras(s Section) {
	if s.Code != "" {
		fence := "```"
		for strings.Contains(s.Code, fence) {
			fence += "`"
		}
		doc.block()
		doc.w.WriteString(fence + "text\n")
		doc.w.WriteString(strings.TrimRight(safetext.Block(s.Code), "\n"))
		doc.w.WriteString("\n" + fence)
	}
	if s.Image != nil {
		src := (&url.URL{Path: s.Image.Src}).EscapedPath()
		doc.add("![" + safetext.Markdown(linkText(s.Image.Alt)) + "](" + src + ")")
	}
}
