import { ApiProperty } from '@nestjs/swagger';
import type { IssuingDepartment, TrustedKey, TrustList } from '@pass/shared';

export class TrustedKeyDto implements TrustedKey {
  @ApiProperty({
    description: '密钥编号：公钥 SHA-256 的前4字节（十六进制），与二维码中 COSE 受保护头的 kid 相同',
    example: 'a1b2c3d4',
  })
  kid: string;

  @ApiProperty({ enum: ['EdDSA'], description: '签名算法 (COSE alg -8)' })
  alg: 'EdDSA';

  @ApiProperty({ enum: ['Ed25519'] })
  crv: 'Ed25519';

  @ApiProperty({
    description: 'Ed25519 公钥，32字节，base64url 编码',
    example: 'A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg',
  })
  publicKey: string;

  @ApiProperty({ format: 'date-time', description: '该密钥自此时起签发通行证' })
  validFrom: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: '该密钥签发截止时间；当前密钥为 null',
  })
  validTo: string | null;

  @ApiProperty({ example: '江苏省重点物资运输车辆通行证签发系统' })
  issuerName: string;

  @ApiProperty({ description: '签发方辖区行政区划代码；只能签发编号前6位在该辖区内的通行证', example: '320000' })
  issuerRegion: string;
}

export class IssuingDepartmentDto implements IssuingDepartment {
  @ApiProperty({ description: '辖区行政区划代码；通行证编号前6位为签发辖区', example: '320100' })
  regionCode: string;

  @ApiProperty({ example: '南京市工业和信息化局' })
  name: string;

  @ApiProperty({ description: '值班电话', example: '025-83456789' })
  dutyPhone: string;
}

export class TrustListDto implements TrustList {
  @ApiProperty({ format: 'date-time', description: '生成时间；卡口据此判断本机数据是否过期' })
  generatedAt: string;

  @ApiProperty({ type: [TrustedKeyDto], description: '当前、已计划启用和仍在保留期内的已停用签名密钥' })
  keys: TrustedKeyDto[];

  @ApiProperty({
    type: [String],
    required: false,
    description:
      '官方核验地址（二维码网址的协议和主机）；扫到的网址不在其中时，核验结果提示“此二维码网址不是官方核验地址”',
    example: ['https://pass.example.gov.cn'],
  })
  passUrlOrigins?: string[];

  @ApiProperty({
    type: [IssuingDepartmentDto],
    required: false,
    description: '各辖区核发单位及值班电话；核验结果据通行证编号前6位显示应联系的单位和电话',
  })
  departments?: IssuingDepartmentDto[];
}
