package model

import (
	"strings"
	"testing"
)

// fakeLookup is a small API: what GETs of some paths return, and the
// docs' spellings of type and property names.
type fakeLookup struct {
	types map[string]string
	names []string
}

func (f fakeLookup) typeAt(shape string) string { return f.types[shape] }

func (f fakeLookup) spell(word string) string {
	for _, n := range f.names {
		if strings.EqualFold(n, word) {
			return GoName(n)
		}
	}
	return GoName(word)
}

func (f fakeLookup) isType(name string) bool {
	for _, t := range f.types {
		if strings.EqualFold(t, name) {
			return true
		}
	}
	return false
}

func (f fakeLookup) property(name string) bool {
	for _, n := range f.names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

var testAPI = fakeLookup{
	types: map[string]string{
		"/users":                                "User",
		"/users/{}":                             "User",
		"/me":                                   "User",
		"/users/{}/memberof":                    "DirectoryObject",
		"/users/{}/manager":                     "DirectoryObject",
		"/users/{}/messages":                    "Message",
		"/users/{}/photo":                       "ProfilePhoto",
		"/groups/{}":                            "Group",
		"/groups/{}/members":                    "DirectoryObject",
		"/drives/{}/items/{}":                   "DriveItem",
		"/drives/{}/items/{}/children":          "DriveItem",
		"/applications/{}":                      "Application",
		"/applications/{}/synchronization/jobs": "SynchronizationJob",
		"/directory/administrativeunits/{}":     "AdministrativeUnit",
		"/chats/{}/messages/{}":                 "ChatMessage",
		"/chats/{}/messages/{}/hostedcontents":  "ChatMessageHostedContent",
		"/me/events/{}/attachments":             "FileAttachment",
		"/attachments/{}":                       "Attachment",
		"/me/mailboxsettings":                   "MailboxSettings",
		"/me/mailboxsettings/workinghours":      "WorkingHours",
	},
	names: []string{"memberOf", "members", "manager", "messages", "photo", "children", "jobs", "synchronization",
		"administrativeUnits", "hostedContents", "administrativeUnit"},
}

// TestPathOpName is the naming scheme, path and method to name: the verb
// from the method and what the path addresses, the noun from the types
// and properties on it. The qualified name is what a contested name gives
// way to.
func TestPathOpName(t *testing.T) {
	for _, c := range []struct {
		method, path     string
		list             bool
		plain, qualified string
	}{
		{"GET", "/users", true, "ListUsers", "ListUsers"},
		{"GET", "/users/{id | userPrincipalName}", false, "GetUser", "GetUser"},
		{"POST", "/users", false, "CreateUser", "CreateUser"},
		{"PATCH", "/users/{id}", false, "UpdateUser", "UpdateUser"},
		{"DELETE", "/users/{id}", false, "DeleteUser", "DeleteUser"},
		{"GET", "/users/{id}/memberOf", true, "ListUserMemberOf", "ListUserMemberOf"},
		{"GET", "/users/{id}/manager", false, "GetUserManager", "GetUserManager"},
		{"PUT", "/users/{id}/manager/$ref", false, "SetUserManager", "SetUserManager"},
		{"DELETE", "/users/{id}/manager/$ref", false, "RemoveUserManager", "RemoveUserManager"},
		{"GET", "/groups/{id}/members", true, "ListGroupMembers", "ListGroupMembers"},
		{"GET", "/groups/{id}/members/$ref", true, "ListGroupMemberRefs", "ListGroupMemberRefs"},
		{"POST", "/groups/{id}/members/$ref", false, "AddGroupMember", "AddGroupMember"},
		{"DELETE", "/groups/{id}/members/{id}/$ref", false, "RemoveGroupMember", "RemoveGroupMember"},
		{"POST", "/directory/administrativeUnits/{id}/members/$ref", false, "AddAdministrativeUnitMember", "AddAdministrativeUnitMember"},
		{"POST", "/drives/{drive-id}/items/{item-id}/copy", false, "CopyDriveItem", "CopyDriveItem"},
		{"GET", "/drives/{drive-id}/items/{item-id}/children", true, "ListDriveItemChildren", "ListDriveItemChildren"},
		{"GET", "/drives/{drive-id}/items/{item-id}/content", false, "GetDriveItemContent", "GetDriveItemContent"},
		{"PUT", "/drives/{drive-id}/root:/{path}:/content", false, "SetRootContent", "SetDriveRootContent"},
		{"PUT", "/users/{id}/photo/$value", false, "SetProfilePhotoContent", "SetUserProfilePhotoContent"},
		{"POST", "/me/sendMail", false, "SendMail", "SendUserMail"},
		{"POST", "/users/{id}/sendMail", false, "SendMail", "SendUserMail"},
		{"GET", "/users/delta()", true, "GetUserDelta", "GetUserDelta"},
		{"GET", "/users/microsoft.graph.delta()", true, "GetUserDelta", "GetUserDelta"},
		{"GET", "/reports/getEmailActivityCounts(period='{period_value}')", false, "GetEmailActivityCounts", "GetReportsEmailActivityCounts"},
		{"GET", "/users/$count", false, "CountUsers", "CountUsers"},
		{"POST", "/me/events/{id}/attachments", false, "CreateAttachment", "CreateEventAttachment"},
		{"GET", "/books/{id}/cover/$value", false, "GetBookCover", "GetBookCover"},
		{"PUT", "/books/{id}/manuscript/content", false, "SetBookManuscriptContent", "SetBookManuscriptContent"},
		{"GET", "/drives/{d}/items/{i}/columnsAfter(count={n})", false, "GetDriveItemColumnsAfter", "GetDriveItemColumnsAfter"},
		{"POST", "/users/{id}/checkMemberGroups", false, "CheckMemberGroups", "CheckUserMemberGroups"},
		{"GET", "/deviceManagement/iosUpdateStatuses/{id}", false, "GetDeviceManagementIosUpdateStatus", "GetDeviceManagementIosUpdateStatus"},
		{"GET", "/users/{id}/messages", true, "ListMessages", "ListUserMessages"},
		{"POST", "/users/{id}/messages", false, "CreateMessage", "CreateUserMessage"},
		{"GET", "/applications/{id}/synchronization/jobs", true, "ListSynchronizationJobs", "ListApplicationSynchronizationJobs"},
		{"GET", "/chats/{chat-id}/messages/{message-id}/hostedContents", true, "ListChatMessageHostedContents", "ListChatMessageHostedContents"},
		{"GET", "/me", false, "GetMe", "GetMe"},
		{"GET", "/me/mailboxSettings", false, "GetMailboxSettings", "GetUserMailboxSettings"},
		{"GET", "/me/mailboxSettings/workingHours", false, "GetWorkingHours", "GetUserWorkingHours"},
		{"GET", "/me/mailboxSettings/timeZone", false, "GetMailboxSettingsTimeZone", "GetUserMailboxSettingsTimeZone"},
		{"PUT", "/me/mailboxSettings/timeZone", false, "SetMailboxSettingsTimeZone", "SetUserMailboxSettingsTimeZone"},
		{"GET", "/me/mailboxSettings/delegateMeetingMessageDeliveryOptions", false, "GetMailboxSettingsDelegateMeetingMessageDeliveryOptions", "GetUserMailboxSettingsDelegateMeetingMessageDeliveryOptions"},
		{"GET", "/me/drive/root/children?$select=name", true, "ListRootChildren", "ListUserRootChildren"},
	} {
		plain, qual := pathOpName(c.method, c.path, c.list, true, testAPI)
		if plain != c.plain || qual != c.qualified {
			t.Errorf("%s %s: %s, %s; want %s, %s", c.method, c.path, plain, qual, c.plain, c.qualified)
		}
	}
}

// TestPathOpNameUndocumentedAnswer: a GET whose answer no example shows
// lists when its last step is plural.
func TestPathOpNameUndocumentedAnswer(t *testing.T) {
	for path, want := range map[string]string{"/widgets": "ListWidgets", "/widgets/{id}": "GetWidget", "/users/{id}/manager": "GetUserManager"} {
		if got, _ := pathOpName("GET", path, false, false, testAPI); got != want {
			t.Errorf("GET %s: %s, want %s", path, got, want)
		}
	}
}

func TestStartWord(t *testing.T) {
	for path, want := range map[string]string{
		"/me/drive/items/{id}":                "Me",
		"/users/{id}/drive/items/{id}":        "User",
		"/groups/{group-id}/drive/items/{id}": "Group",
		"/sites/{site-id}/drive/items/{id}":   "Site",
		"/directory/administrativeUnits/{id}": "Directory",
		"":                                    "",
	} {
		if got := startWord(path, testAPI); got != want {
			t.Errorf("startWord(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestViaWords(t *testing.T) {
	for _, c := range [][3]string{
		{"/me/drive/items/{id}/copy", "/groups/{id}/drive/items/{id}/copy", "Group"},
		{"/drives/{id}/items/{id}/workbook/charts/{c}/image", "/me/drive/root:/{path}:/workbook/charts/{c}/image", "MeDriveRoot"},
		{"/users/{id}/messages", "/me/mailFolders/{id}/messages", "MeMailFolder"},
	} {
		if got := viaWords(c[0], c[1], testAPI); got != c[2] {
			t.Errorf("viaWords(%s, %s) = %s, want %s", c[0], c[1], got, c[2])
		}
	}
}

// TestPathOpNameHostile: names from hostile paths are Go identifiers or
// empty, and never panic.
func TestPathOpNameHostile(t *testing.T) {
	for _, p := range []string{"", "/", "/{id}", "/$ref", "/(", "/a(b", "/ü/ß", "/x.//{", "/*/", "/users/{id}/\x00", "/.", "/microsoft.graph."} {
		for _, m := range []string{"GET", "POST", "DELETE", "PUT", "PATCH", "HEAD"} {
			plain, qual := pathOpName(m, p, false, false, testAPI)
			for _, n := range []string{plain, qual} {
				if n != "" && GoName(n) != n {
					t.Errorf("%s %q: %q is not a Go name", m, p, n)
				}
			}
		}
	}
}

func TestWithoutArticles(t *testing.T) {
	for in, want := range map[string]string{
		"Get a user":      "Get user",
		"Create an Event": "Create Event",
		"Clone the team":  "Clone team",
		"Add a member":    "Add member",
		"List anchors":    "List anchors",
		"Update theme":    "Update theme",
	} {
		if got := withoutArticles(in); got != want {
			t.Errorf("withoutArticles(%q) = %q, want %q", in, got, want)
		}
	}
	if got := operationNameOf("Delete a user", "User"); got != "DeleteUser" {
		t.Errorf("operationNameOf(Delete a user) = %s, want DeleteUser", got)
	}
}

// TestFurtherQualified: a qualified name claimed twice puts the next
// resource up the path before it, or the one the path starts from, passing
// over one the name already starts with; "" when the path has nothing more
// to say.
func TestFurtherQualified(t *testing.T) {
	api := fakeLookup{
		types: map[string]string{
			"/me": "User", "/sites/{}": "Site", "/groups/{}": "Group", "/chats/{}": "Chat", "/teams/{}/channels/{}": "Channel",
			"/sites/{}/onenote/notebooks/{}":                   "Notebook",
			"/groups/{}/onenote/notebooks/{}":                  "Notebook",
			"/me/onenote/notebooks/{}":                         "Notebook",
			"/sites/{}/onenote/notebooks/{}/sections":          "OnenoteSection",
			"/groups/{}/onenote/notebooks/{}/sections":         "OnenoteSection",
			"/me/onenote/notebooks/{}/sections":                "OnenoteSection",
			"/chats/{}/messages/{}":                            "ChatMessage",
			"/chats/{}/messages/{}/hostedcontents":             "ChatMessageHostedContent",
			"/teams/{}/channels/{}/messages/{}":                "ChatMessage",
			"/teams/{}/channels/{}/messages/{}/hostedcontents": "ChatMessageHostedContent",
			"/sites/{}/drives/{}":                              "Drive",
			"/sites/{}/drives/{}/items/{}":                     "DriveItem",
			"/sites/{}/lists/{}/items/{}":                      "ListItem",
			"/groups/{}/photos/{}":                             "ProfilePhoto",
		},
		names: []string{"onenote", "notebooks", "sections", "messages", "hostedContents", "channels", "drives", "items", "lists", "photos"},
	}
	for _, c := range []struct {
		method, path    string
		qualified, want string
	}{
		{"POST", "/sites/{id}/onenote/notebooks/{id}/sections", "CreateNotebookOnenoteSection", "CreateSiteNotebookOnenoteSection"},
		{"POST", "/groups/{id}/onenote/notebooks/{id}/sections", "CreateNotebookOnenoteSection", "CreateGroupNotebookOnenoteSection"},
		{"POST", "/me/onenote/notebooks/{id}/sections", "CreateNotebookOnenoteSection", "CreateUserNotebookOnenoteSection"},
		{"GET", "/chats/{c}/messages/{m}/hostedContents", "ListChatMessageHostedContents", ""},
		{"GET", "/teams/{t}/channels/{c}/messages/{m}/hostedContents", "ListChatMessageHostedContents", "ListChannelChatMessageHostedContents"},
		{"POST", "/sites/{s}/drives/{d}/items/{i}/copy", "CopyDriveItem", "CopySiteDriveItem"},
		{"GET", "/sites/{s}/lists/{l}/items/{i}/delta()", "GetListItemDelta", "GetSiteListItemDelta"},
		{"GET", "/groups/{g}/photos/{p}/$value", "GetGroupProfilePhotoContent", ""},
		{"GET", "/sites/{s}/drives/{d}/items/{i}/content", "GetDriveItemContent", "GetSiteDriveItemContent"},
		{"GET", "/users", "ListUsers", ""},
		{"DELETE", "/me/photo/$value", "DeleteUserPhoto", ""},
	} {
		list := c.method == "GET" && strings.HasSuffix(c.path, "s")
		_, q := pathOpName(c.method, c.path, list, true, api)
		got := furtherQualified(c.method, c.path, list, true, api)
		if q != c.qualified || got != c.want {
			t.Errorf("%s %s: qualified %s, further %q; want %s, %q", c.method, c.path, q, got, c.qualified, c.want)
		}
	}
}
