/* The wide-character API needs this define before <ncurses.h> (see shared build notes). */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>
static inline WINDOW *kf_stdscr(void) { return stdscr; }
/* <wchar.h> declares wcwidth only under _XOPEN_SOURCE; glibc exports it, so declare it for Swift (cell widths). */
extern int wcwidth(wchar_t c);
