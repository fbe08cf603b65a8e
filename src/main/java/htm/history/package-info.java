/**
 * What happened to a task: its history as an answer, and the log lines and metrics read off it after commit.
 */
package htm.history;
