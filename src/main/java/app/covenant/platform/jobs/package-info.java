/** Administration of the background jobs that db-scheduler runs once across the cluster. */
package app.covenant.platform.jobs;
