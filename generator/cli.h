/* cli.h - the writer's-workflow commands of the command line (serve, new,
 * check) and the help text of every command, so that main.c stays a
 * dispatcher.  Each an_cli_* function parses its own arguments (argv[0] is
 * the command name) and returns the exit status: 0 success, 1 content or
 * build error, 2 usage error. */
#ifndef AN_CLI_H
#define AN_CLI_H

#include <stdio.h>

/* 1 when an argument after the command is -h or --help. */
int an_cli_wants_help(int argc, char **argv);
/* Prints the help of command `cmd` to `f`.  Returns 0, or -1 when `cmd`
 * is no command. */
int an_cli_help(FILE *f, const char *cmd);

int an_cli_serve(int argc, char **argv, const char *argv0);
int an_cli_new(int argc, char **argv);
int an_cli_check(int argc, char **argv);

#endif
