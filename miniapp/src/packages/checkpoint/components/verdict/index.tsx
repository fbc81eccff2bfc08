import { type CrewRole, crewRoleNames, formatPlate, type PlateColour, plateColourNames } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { DetailRow } from '@/components/detail-row';
import { ageText, formatDateTime } from '@/utils/format';
import { categoryName, place, routeText } from '@/utils/labels';
import type { Verdict } from '../../services/verify';
import { CrewCheck } from '../crew-check';
import './index.scss';

const factClasses = { row: 'verdict__fact', label: 'verdict__label', value: 'verdict__value' };

/**
 * The verdict as a checkpoint officer reads it at arm's length: green to let through, grey otherwise,
 * the plate huge, then route, validity, the reason and what to do.
 */
export function VerdictView({ verdict }: { verdict: Verdict }) {
  const { claims, facts } = verdict;
  const pass = verdict.allowsPassage;
  // The department, not the region: the pass's own record online, the trust list's offline.
  const department = facts?.issuingDepartment ?? verdict.issuingDepartment?.name;
  const dutyPhone = facts?.issuingDepartmentPhone ?? verdict.issuingDepartment?.dutyPhone;
  return (
    <View className={`verdict verdict--${pass ? 'pass' : 'stop'}`} data-testid='verdict' data-state={verdict.state}>
      <View className='verdict__band' data-testid='verdict-band'>
        <Text className='verdict__headline' data-testid='verdict-headline'>
          {pass ? '✔ 通行证有效' : '✘ 不予放行'}
        </Text>
        {/* The headline already says it when the pass is simply valid. */}
        <Text className='verdict__message' data-testid='verdict-message'>
          {pass && verdict.message === '通行证有效' ? '核对人、车、线路一致后放行' : verdict.message}
        </Text>
      </View>

      {claims && (
        <View className='verdict__card'>
          <Text className='verdict__plate' data-testid='verdict-plate'>
            {formatPlate(claims.plate)}
          </Text>
          <Text className='verdict__colour'>{plateColourNames[claims.plateColour as PlateColour]}车牌</Text>
          <DetailRow
            classes={factClasses}
            label='路线'
            value={routeText(claims.originCode, claims.waypointCodes, claims.destinationCode)}
          />
          <DetailRow classes={factClasses} label='有效期' value={`${claims.validFrom} 至 ${claims.validTo}`} />
          <DetailRow
            classes={factClasses}
            label='物资'
            value={`${categoryName(claims.materialCategory)}${facts ? `：${facts.materialDescription}` : ''}`}
          />
          {facts?.crew.map((person) => (
            <DetailRow
              classes={factClasses}
              key={`${person.role}-${person.idNumber}`}
              label={crewRoleNames[person.role as CrewRole] ?? '司乘人员'}
              value={`${person.name}  ${person.idNumber}`}
            />
          ))}
          {facts && <DetailRow classes={factClasses} label='企业' value={facts.enterpriseName} />}
          <DetailRow classes={factClasses} label='证件编号' value={claims.passNumber} />
          {verdict.foreignIssuer && (
            <DetailRow classes={factClasses} label='签发方（外省）' value={verdict.foreignIssuer.issuerName} />
          )}
          <DetailRow
            classes={factClasses}
            label='核发单位'
            value={department ?? `${place(claims.issuerCode)}（未提供单位名称）`}
          />
          {dutyPhone && <DetailRow classes={factClasses} label='值班电话' value={dutyPhone} />}
          {facts?.endReason && <DetailRow classes={factClasses} label='失效原因' value={facts.endReason} />}
          {claims.crew ? (
            <CrewCheck passNumber={claims.passNumber} crew={claims.crew} />
          ) : (
            !facts && (
              <DetailRow
                classes={factClasses}
                label='司乘人员'
                value='二维码中无司乘人员信息，请核对纸质通行证或联网核验'
              />
            )
          )}
        </View>
      )}
      {!claims && verdict.passNumber && (
        <View className='verdict__card'>
          <DetailRow classes={factClasses} label='证件编号' value={verdict.passNumber} />
        </View>
      )}

      <View className='verdict__advice' data-testid='verdict-advice'>
        <Text className='verdict__advice-title'>处置</Text>
        <Text>{verdict.advice}</Text>
      </View>

      {verdict.warnings.map((warning) => (
        <View key={warning} className='verdict__warning' data-testid='verdict-warning'>
          <Text>⚠ {warning}</Text>
        </View>
      ))}

      <Text className='verdict__source' data-testid='verdict-source'>
        {verdict.source === 'online'
          ? `在线核验 · ${formatDateTime(new Date().toISOString())}`
          : `离线核验（本机数据，${ageText(verdict.bundleSyncedAt)}同步）`}
      </Text>
    </View>
  );
}
