#ifndef KANJI_WRITE_CNCURSESW_SHIM_H
#define KANJI_WRITE_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

// Macros and globals that Swift cannot import or that are awkward to reach.
static inline WINDOW *kw_stdscr(void) { return stdscr; }
static inline int kw_lines(void) { return LINES; }
static inline int kw_cols(void) { return COLS; }
static inline int kw_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int kw_has_colors(void) { return has_colors() ? 1 : 0; }
static inline int kw_key_resize(void) { return KEY_RESIZE; }
static inline int kw_key_backspace(void) { return KEY_BACKSPACE; }
static inline int kw_key_enter(void) { return KEY_ENTER; }
static inline int kw_key_max(void) { return KEY_MAX; }
static inline int kw_err(void) { return ERR; }
static inline unsigned int kw_a_bold(void) { return A_BOLD; }
static inline unsigned int kw_a_dim(void) { return A_DIM; }
static inline unsigned int kw_a_reverse(void) { return A_REVERSE; }
static inline unsigned int kw_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int kw_a_normal(void) { return A_NORMAL; }
static inline const char *kw_codeset(void) { return nl_langinfo(CODESET); }
static inline FILE *kw_stdout(void) { return stdout; }
static inline FILE *kw_stdin(void) { return stdin; }
// The window size in cells and, when the terminal tells, in pixels (0 when it does not).
static inline int kw_window_size(int fd, int *cols, int *rows, int *xpixels, int *ypixels) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
  *cols = size.ws_col; *rows = size.ws_row; *xpixels = size.ws_xpixel; *ypixels = size.ws_ypixel;
  return 0;
}
// Whether the terminfo database describes $TERM, found without taking over the terminal.
static inline int kw_terminal_type_known(void) {
  int status = 0;
  if (setupterm((char *)0, STDOUT_FILENO, &status) != OK) return 0;
  del_curterm(cur_term);
  return 1;
}
#endif
