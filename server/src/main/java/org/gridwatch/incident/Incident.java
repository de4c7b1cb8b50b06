package org.gridwatch.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.locationtech.jts.geom.Point;

/**
 * A case: a resident request or an incident, placed in its grid at report time, with who is responsible now
 * and the clock of its current stage. The reporter's contact details are private. State changes go through
 * {@link Workflow}; every change is recorded as an {@link IncidentEvent}.
 */
@Entity
@Table(name = "incident")
public class Incident {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
  @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true)
  private String publicId;

  @Enumerated(EnumType.STRING) private Kind kind;
  private String categoryCode;
  @Enumerated(EnumType.STRING) private Channel channel;
  @Enumerated(EnumType.STRING) private Status status;
  @Enumerated(EnumType.STRING) private Priority priority;

  private Point location;
  private double inputLon;
  private double inputLat;
  private String inputCrs;
  private String address;
  private String description;
  private String mediaUrls;

  private String reporterName;
  private String reporterPhone;
  private String reporterEmail;
  private String reporterDevice;
  private String reporterAccount;

  private String gridCode;
  private String communityCode;
  private String subdistrictCode;
  private String districtCode;
  private int boundaryVersion;

  @Enumerated(EnumType.STRING) private Level level;
  private String unitCode;
  private Instant stageStartedAt;
  private Instant deadline;
  private Instant warnAt;
  private boolean warned;
  private Instant reportedAt;
  private Instant registeredAt;
  private Instant dispatchedAt;
  private Instant resolvedAt;
  private Instant closedAt;
  private int escalations;
  private int reopenings;
  private boolean leftGrid;
  private boolean breached;
  private boolean overdueNotified;
  private Boolean closedOnTime;
  private Long duplicateOf;
  private Long mergedInto;
  @Enumerated(EnumType.STRING) private RequestType requestType;
  private boolean publicText;
  private String followTokenHash;
  private String transferredTo;
  private String transferReference;
  private boolean supervised;
  /** The roster person the case is assigned to (dispatched to a person), or null: the whole unit handles it. */
  private String assigneeCode;
  private String assigneeName;
  /** Why the handler returned the case (退单), until it is dispatched again. */
  private String returnReason;
  /** The compound (小区) the case lies in, if any. */
  private String compound;
  /** The property company the case was dispatched to first (物业优先), its name then, that tier's first deadline. */
  private Long propertyOrganisation;
  private String propertyName;
  private Instant propertyDeadline;
  /** When the company's staff first acted on the case (accepted, resolved, handed up or returned it). */
  private Instant propertyRespondedAt;

  /** In consultation since (the handling clock paused), the status it left, and the minutes paused in total. */
  private Instant pausedAt;
  @Enumerated(EnumType.STRING) private Status pausedFrom;
  private long pausedMinutes;
  /** A dispute settled inside its grid, by mediation there or a grid or compound council's agreement (纠纷不出网格). */
  private Boolean settledInGrid;

  @Version
  private int version;

  private Instant updatedAt;

  protected Incident() {}

  /** What a reporter tells us, already validated and placed. */
  record Report(Kind kind, String categoryCode, Channel channel, Priority priority, Point location, double inputLon,
      double inputLat, String inputCrs, String address, String description, String mediaUrls, String reporterName,
      String reporterPhone, String reporterEmail, String reporterDevice, String reporterAccount, String gridCode,
      String communityCode, String subdistrictCode, String districtCode, int boundaryVersion) {}

  static Incident reported(Report r, Instant now, Instant registerDeadline) {
    Incident i = new Incident();
    i.kind = r.kind();
    i.categoryCode = r.categoryCode();
    i.channel = r.channel();
    i.status = Status.REPORTED;
    i.priority = r.priority();
    i.location = r.location();
    i.inputLon = r.inputLon();
    i.inputLat = r.inputLat();
    i.inputCrs = r.inputCrs();
    i.address = r.address();
    i.description = r.description();
    i.mediaUrls = r.mediaUrls();
    i.reporterName = r.reporterName();
    i.reporterPhone = r.reporterPhone();
    i.reporterEmail = r.reporterEmail();
    i.reporterDevice = r.reporterDevice();
    i.reporterAccount = r.reporterAccount();
    i.gridCode = r.gridCode();
    i.communityCode = r.communityCode();
    i.subdistrictCode = r.subdistrictCode();
    i.districtCode = r.districtCode();
    i.boundaryVersion = r.boundaryVersion();
    i.reportedAt = now;
    i.updatedAt = now;
    i.startStage(now, registerDeadline, null);
    return i;
  }

  /** Moves to a status and restarts the stage clock (deadline null: no clock). */
  void moveTo(Status next, Instant now, Instant deadline, Instant warnAt) {
    this.status = next;
    this.updatedAt = now;
    startStage(now, deadline, warnAt);
  }

  private void startStage(Instant now, Instant deadline, Instant warnAt) {
    this.overdueNotified = false;
    this.stageStartedAt = now;
    this.deadline = deadline;
    this.warnAt = warnAt;
    this.warned = false;
  }

  void assign(Level level, String unitCode) {
    assign(level, unitCode, null, null);
  }

  /** Hands the case to a unit at a level and, when a person is named, to that person alone. */
  void assign(Level level, String unitCode, String assigneeCode, String assigneeName) {
    this.level = level;
    this.unitCode = unitCode;
    this.assigneeCode = assigneeCode;
    this.assigneeName = assigneeName;
    this.returnReason = null;
    // the property company works inside the grid: a case it holds has not left the grid
    if (level != Level.GRID && level != Level.PROPERTY) this.leftGrid = true;
  }

  void markReturned(String reason) { this.returnReason = reason; }

  void placeInCompound(String compound) { this.compound = compound; }

  /** The case goes to a property company: remembered for its view and measures. */
  void toProperty(long organisation, String name) {
    this.propertyOrganisation = organisation;
    this.propertyName = name;
  }

  /** The property tier's deadline: the first one it was given, what its first response is measured against. */
  void markPropertyDeadline(Instant deadline) { if (propertyDeadline == null) propertyDeadline = deadline; }

  void markPropertyResponded(Instant now) { if (propertyRespondedAt == null) propertyRespondedAt = now; }

  /**
   * A boundary edit put the case's location in another grid, perhaps of another community or subdistrict (codes
   * nest: a grid's code starts with its community's, which starts with its subdistrict's). The area codes follow,
   * and so does the unit answering for it when that unit was the area it lay in at its level.
   */
  void rehome(String grid, int boundaryVersion, Instant now) {
    String community = grid.substring(0, 12), subdistrict = grid.substring(0, 9);
    if (level == Level.GRID && gridCode.equals(unitCode)) this.unitCode = grid;
    if (level == Level.COMMUNITY && communityCode.equals(unitCode)) this.unitCode = community;
    if (level == Level.SUBDISTRICT && subdistrictCode.equals(unitCode)) this.unitCode = subdistrict;
    // A person chosen for the old grid may not serve the new one: the new grid as a whole answers for it.
    if (level == Level.GRID && !grid.equals(gridCode)) { this.assigneeCode = null; this.assigneeName = null; }
    this.gridCode = grid;
    this.communityCode = community;
    this.subdistrictCode = subdistrict;
    this.boundaryVersion = boundaryVersion;
    this.updatedAt = now;
  }

  void markRegistered(Instant now) { this.registeredAt = now; }
  void markDispatched(Instant now) { if (dispatchedAt == null) dispatchedAt = now; }
  void markResolved(Instant now) { this.resolvedAt = now; }
  void markClosed(Instant now, boolean onTime) { this.closedAt = now; this.closedOnTime = onTime; }
  void markEscalated() { this.escalations++; }
  void markBreached() { this.breached = true; }
  void markOverdueNotified() { this.overdueNotified = true; }
  void assignPublicId(String publicId) { this.publicId = publicId; }
  /** Changes status without restarting the stage clock (e.g. accepting a dispatched case). */
  void setStatusKeepingClock(Status next, Instant now) { this.status = next; this.updatedAt = now; }
  void markReopened() { this.reopenings++; this.closedAt = null; this.closedOnTime = null; }
  void markWarned() { this.warned = true; }
  void extendDeadline(Instant deadline, Instant warnAt) { this.deadline = deadline; this.warnAt = warnAt; this.warned = false; }
  void linkDuplicateOf(Long other) { this.duplicateOf = other; }
  void mergeInto(Long other) { this.mergedInto = other; }
  void setRequestType(RequestType type) { this.requestType = type; }
  void setPublicText(boolean publicText) { this.publicText = publicText; }

  /** A follow token for the reporter (new, or the one given): only its hash is kept, so it is shown once. */
  String issueFollowToken() { return issueFollowToken(FollowTokens.newToken()); }

  String issueFollowToken(String token) {
    this.followTokenHash = FollowTokens.hash(token);
    return token;
  }

  /** Whether {@code token} is the one issued to this case's reporter (compared in constant time). */
  public boolean isFollowedWith(String token) { return FollowTokens.matches(token, followTokenHash); }
  void markTransferred(String to, String reference) { this.transferredTo = to; this.transferReference = reference; }
  void markSupervised() { this.supervised = true; }

  /** Into consultation: the status left and the clock as it stands are kept, the pause starts. */
  void pause(Instant now) {
    this.pausedFrom = status;
    this.pausedAt = now;
    this.status = Status.IN_CONSULTATION;
    this.updatedAt = now;
  }

  /**
   * Out of consultation: the deadline (and its warning) move by the time paused, which is added to the total; the
   * status becomes the one left (resume) or whatever the caller sets next (resolution). Answers the status left.
   */
  Status unpause(Instant movedDeadline, Instant movedWarnAt, long minutes, Instant now) {
    Status left = pausedFrom;
    this.deadline = movedDeadline;
    this.warnAt = movedWarnAt;
    this.pausedMinutes += minutes;
    this.pausedAt = null;
    this.pausedFrom = null;
    this.status = left;
    this.updatedAt = now;
    return left;
  }

  void markSettledInGrid(boolean inGrid) { this.settledInGrid = inGrid; }

  public Long getId() { return id; }
  public String getPublicId() { return publicId; }
  public Kind getKind() { return kind; }
  public String getCategoryCode() { return categoryCode; }
  public Channel getChannel() { return channel; }
  public Status getStatus() { return status; }
  public Priority getPriority() { return priority; }
  public Point getLocation() { return location; }
  public double getInputLon() { return inputLon; }
  public double getInputLat() { return inputLat; }
  public String getInputCrs() { return inputCrs; }
  public String getAddress() { return address; }
  public String getDescription() { return description; }
  public String getMediaUrls() { return mediaUrls; }
  public String getReporterName() { return reporterName; }
  public String getReporterPhone() { return reporterPhone; }
  public String getReporterEmail() { return reporterEmail; }
  public String getReporterDevice() { return reporterDevice; }
  public String getReporterAccount() { return reporterAccount; }
  public String getGridCode() { return gridCode; }
  public String getCommunityCode() { return communityCode; }
  public String getSubdistrictCode() { return subdistrictCode; }
  public String getDistrictCode() { return districtCode; }
  public int getBoundaryVersion() { return boundaryVersion; }
  public Level getLevel() { return level; }
  public String getUnitCode() { return unitCode; }
  public Instant getStageStartedAt() { return stageStartedAt; }
  public Instant getDeadline() { return deadline; }
  public Instant getWarnAt() { return warnAt; }
  public boolean isWarned() { return warned; }
  public Instant getReportedAt() { return reportedAt; }
  public Instant getRegisteredAt() { return registeredAt; }
  public Instant getDispatchedAt() { return dispatchedAt; }
  public Instant getResolvedAt() { return resolvedAt; }
  public Instant getClosedAt() { return closedAt; }
  public int getEscalations() { return escalations; }
  public int getReopenings() { return reopenings; }
  public boolean isLeftGrid() { return leftGrid; }
  public boolean isBreached() { return breached; }
  public boolean isOverdueNotified() { return overdueNotified; }
  public Boolean getClosedOnTime() { return closedOnTime; }
  public Long getDuplicateOf() { return duplicateOf; }
  public Long getMergedInto() { return mergedInto; }
  public RequestType getRequestType() { return requestType; }
  /** Whether the reporter let their description and address be shown to anyone (masked), not only to staff. */
  public boolean isPublicText() { return publicText; }
  public String getTransferredTo() { return transferredTo; }
  public String getTransferReference() { return transferReference; }
  public boolean isSupervised() { return supervised; }
  public String getAssigneeCode() { return assigneeCode; }
  public String getAssigneeName() { return assigneeName; }
  public String getReturnReason() { return returnReason; }
  public String getCompound() { return compound; }
  public Long getPropertyOrganisation() { return propertyOrganisation; }
  public String getPropertyName() { return propertyName; }
  public Instant getPropertyDeadline() { return propertyDeadline; }
  public Instant getPropertyRespondedAt() { return propertyRespondedAt; }
  public Instant getPausedAt() { return pausedAt; }
  public Status getPausedFrom() { return pausedFrom; }
  public long getPausedMinutes() { return pausedMinutes; }
  public Boolean getSettledInGrid() { return settledInGrid; }
  public int getVersion() { return version; }
  public Instant getUpdatedAt() { return updatedAt; }
}
