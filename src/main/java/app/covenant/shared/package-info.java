/**
 * Small value types and beans every module may use: the clock, ids, paging.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.covenant.shared;
